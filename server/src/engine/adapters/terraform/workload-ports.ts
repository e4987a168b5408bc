import type { PortRange } from '../../model/ports';
import type { HclBlock } from './hcl';
import { readPort } from './values';

/** Listeners first: they are what clients connect to; target groups are what the listeners forward to. */
const PORT_OWNERS: readonly (readonly string[])[] = [
  ['aws_lb_listener', 'aws_alb_listener'],
  ['aws_lb_target_group', 'aws_alb_target_group'],
];

/**
 * The literal `port` of every load-balancer listener, then of every target group, in the
 * document, each once: the ports the workload is known to serve.
 */
export function listenerPorts(blocks: readonly HclBlock[]): PortRange[][] {
  const ports: number[] = [];
  for (const types of PORT_OWNERS) {
    for (const block of blocks) {
      if (block.type !== 'resource' || block.hasError || !types.includes(block.labels[0]?.value ?? '')) continue;
      const attribute = block.attributes.get('port');
      const port = attribute ? readPort(attribute.value) : undefined;
      if (port?.known && Number.isInteger(port.value) && port.value >= 1 && port.value <= 65535 && !ports.includes(port.value)) ports.push(port.value);
    }
  }
  return ports.map((port) => [[port, port]]);
}
