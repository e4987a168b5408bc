import type { RuleEditor, TextEdit } from '../../model/network-rule';
import { setPath } from '../document/writer';
import type { KubeObject, ObjectInput } from './objects';

const never = (): undefined => undefined;

/** An editor that writes what it is given and refuses the rest. */
export function ruleEditor(parts: Partial<RuleEditor>): RuleEditor {
  return {
    setPorts: parts.setPorts ?? never,
    replaceInternetPeers: parts.replaceInternetPeers ?? never,
    addOwner: parts.addOwner ?? never,
    ...(parts.bindToLoopback ? { bindToLoopback: parts.bindToLoopback } : {}),
    ...(parts.turnOffService ? { turnOffService: parts.turnOffService } : {}),
  };
}

/** Adds `key: owner` to the object's `metadata.labels`, creating `labels` when it has none. */
export function ownerLabelEditor(input: ObjectInput, object: KubeObject = input.object): RuleEditor['addOwner'] {
  return (key, owner): TextEdit[] | undefined => (object.metadata ? setPath(input.writer, object.metadata, ['labels', key], owner) : undefined);
}
