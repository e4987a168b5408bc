import type { NetworkRule } from '../../model/network-rule';
import { ALL_PORTS } from '../../model/ports';
import { coverSpans } from '../../model/span';
import { known, type Value } from '../../model/value';
import { bindPeer, readPort, readProtocol } from '../document/read';
import { asMap, at, boolOf, fullSpan, get, itemsOf, textOf, type MapNode, type TreeNode } from '../document/tree';
import { ownerLabelEditor, ruleEditor } from './editing';
import { readOwnership, type ObjectInput } from './objects';

/** Where each workload kind keeps its pod: the pod spec and the pod template's metadata. */
const POD_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const workloadKinds: readonly string[] = Object.keys(POD_PATHS);

interface Pod {
  readonly spec: MapNode;
  /** The pod's own metadata (a template's), after the workload's. */
  readonly metadatas: readonly (TreeNode | undefined)[];
}

function podOf(input: ObjectInput): Pod | undefined {
  const path = POD_PATHS[input.object.kind];
  if (!path) return undefined;
  const template = path.length === 0 ? input.object.node : at(input.object.node, ...path);
  const spec = asMap(get(template, 'spec'));
  if (!spec) return undefined;
  return { spec, metadatas: path.length === 0 ? [input.object.metadata] : [input.object.metadata, get(template, 'metadata')] };
}

/**
 * The pod of a workload: `hostNetwork: true` puts every port its containers listen on onto the
 * node (one rule, every port), and each `hostPort` publishes one port on the node.
 */
export const readWorkload = (input: ObjectInput): NetworkRule[] => {
  const pod = podOf(input);
  if (!pod) return [];
  const ownership = readOwnership(pod.metadatas, input.options);
  const base = { format: 'kubernetes' as const, resource: input.object.resource, groupKey: input.object.groupKey, direction: 'ingress' as const, action: 'allow' as const, ...ownership };
  const addOwner = ownerLabelEditor(input);
  const rules: NetworkRule[] = [];
  const hostNetwork = get(pod.spec, 'hostNetwork');
  if (hostNetwork && boolOf(hostNetwork) === true) {
    rules.push({
      ...base,
      protocol: known('all', hostNetwork.span),
      ports: known([ALL_PORTS], hostNetwork.span),
      peers: known([bindPeer(undefined, hostNetwork.span)], hostNetwork.span),
      service: { kind: 'host-network', switchSpan: hostNetwork.span },
      span: hostNetwork.outer,
      edit: ruleEditor({ addOwner, turnOffService: () => input.writer.replace(hostNetwork, false) }),
    });
  }
  for (const container of [...itemsOf(get(pod.spec, 'initContainers')), ...itemsOf(get(pod.spec, 'containers'))]) {
    for (const port of itemsOf(get(container, 'ports'))) {
      const hostPort = get(port, 'hostPort');
      if (!hostPort || port.kind !== 'map') continue;
      rules.push({
        ...base,
        protocol: readProtocol(get(port, 'protocol'), 'tcp', port.outer),
        ports: servedPort(get(port, 'containerPort'), hostPort),
        peers: hostPeers(port, hostPort),
        span: port.outer,
        edit: ruleEditor({ addOwner, bindToLoopback: () => input.writer.set(port, 'hostIP', '127.0.0.1') }),
      });
    }
  }
  return rules;
};

/**
 * The container's port names the service (a hostPort 2222 in front of containerPort 22 is SSH), and
 * the span covers both fields, as a from/to pair does in Terraform.
 */
function servedPort(containerPort: TreeNode | undefined, hostPort: TreeNode): Value<readonly [number, number][]> {
  // A hostPort no port can be (65536) is reported where it is written, whatever the container serves.
  const host = readPort(hostPort);
  if (!host.known && host.invalid) return host;
  const served = readPort(containerPort ?? hostPort);
  const span = containerPort ? coverSpans(fullSpan(containerPort), fullSpan(hostPort)) : fullSpan(hostPort);
  return served.known ? known([[served.value, served.value]], span) : served.invalid ? served : { ...served, span };
}

/** A hostPort is reachable on every address of the node unless `hostIP` binds it to one. */
function hostPeers(port: MapNode, hostPort: TreeNode): Value<readonly ReturnType<typeof bindPeer>[]> {
  const hostIp = get(port, 'hostIP');
  const address = textOf(hostIp);
  if (hostIp && address !== undefined) return known([bindPeer(address, hostIp.span)], hostIp.span);
  return known([bindPeer(undefined, hostPort.span)], hostPort.span);
}
