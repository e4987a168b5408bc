import type { NetworkRule } from '../../../model/network-rule';
import { ALL_PORTS } from '../../../model/ports';
import { known } from '../../../model/value';
import { impliedInternet } from '../../document/read';
import { replace } from '../edits';
import type { HclBlock } from '../hcl';
import { ruleBase, type ProviderResources, type ResourceHandler } from '../resource';
import { ownerTagEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readBool } from '../values';

/*
 * Workloads of Terraform's kubernetes provider that share their node's network
 * (`host_network = true`): as with `hostNetwork: true` in a manifest, every port the pod listens on
 * is a port of the node, declared or not.
 */

function childBlock(block: HclBlock | undefined, type: string): HclBlock | undefined {
  return block?.blocks.find((child) => child.type === type);
}

function follow(block: HclBlock, path: readonly string[]): HclBlock | undefined {
  return path.reduce<HclBlock | undefined>(childBlock, block);
}

/** Where a resource keeps its pod spec, and the metadata blocks whose labels may name an owner (nearest last). */
function hostNetworkWorkload(specPath: readonly string[]): ResourceHandler {
  return (input) => {
    const { block, text, options } = input;
    const podSpec = follow(block, specPath);
    const hostNetwork = podSpec?.attributes.get('host_network');
    // Only a literal true: false is the default, and an expression may be either.
    if (!hostNetwork || readBool(hostNetwork.value) !== true) return [];
    const switchSpan = hostNetwork.value.span;
    const metadata = childBlock(block, 'metadata');
    const templateMetadata = specPath.length > 1 ? childBlock(follow(block, specPath.slice(0, -1)), 'metadata') : undefined;
    const rule: NetworkRule = {
      ...ruleBase(input),
      groupKey: input.resource.address,
      direction: 'ingress',
      action: 'allow',
      protocol: known('all', switchSpan),
      ports: known([ALL_PORTS], switchSpan),
      // Nothing in the spec limits who reaches the node's ports: the node's own firewall is not here.
      peers: known([impliedInternet(switchSpan)], switchSpan),
      ...readAnnotations(options, undefined, [metadata, templateMetadata], ['labels', 'annotations']),
      service: { kind: 'host-network', switchSpan },
      span: hostNetwork.span,
      edit: {
        ...ruleEditor({ addOwner: ownerTagEditor(text, metadata, 'labels') }),
        turnOffService: () => [replace(hostNetwork.value.outer, 'false')],
      },
    };
    return [rule];
  };
}

const pod = hostNetworkWorkload(['spec']);
const templated = hostNetworkWorkload(['spec', 'template', 'spec']);
const cronJob = hostNetworkWorkload(['spec', 'job_template', 'spec', 'template', 'spec']);

export const kubernetesWorkloads: ProviderResources = {
  provider: 'kubernetes',
  resources: {
    kubernetes_pod: pod,
    kubernetes_pod_v1: pod,
    kubernetes_deployment: templated,
    kubernetes_deployment_v1: templated,
    kubernetes_daemonset: templated,
    kubernetes_daemon_set_v1: templated,
    kubernetes_stateful_set: templated,
    kubernetes_stateful_set_v1: templated,
    kubernetes_replication_controller: templated,
    kubernetes_replication_controller_v1: templated,
    kubernetes_job: templated,
    kubernetes_job_v1: templated,
    kubernetes_cron_job: cronJob,
    kubernetes_cron_job_v1: cronJob,
  },
};
