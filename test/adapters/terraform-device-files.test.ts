import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildInventory, DEFAULT_SETTINGS, LineMap, lintDocument, type LintResult } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';

const TODAY = '2026-11-23';

/** A module in memory: its files by name, under /m. */
function lint(files: Readonly<Record<string, string>>, document: string): LintResult {
  const directories = new Map([['/m', Object.entries(files).map(([name, text]) => ({ path: `/m/${name}`, text }))]]);
  return lintDocument({ text: files[document], path: `/m/${document}`, today: TODAY, module: { directories } });
}

/** `line:column check-id message`, then `  -> file:line message` per related place in another file. */
function shown(result: LintResult, files: Readonly<Record<string, string>>, document: string): string[] {
  const lines = new LineMap(files[document]);
  return result.findings.flatMap((finding) => {
    const at = lines.positionAt(finding.span.start);
    const related = finding.related.filter((item) => item.path !== undefined).map((item) => {
      const name = item.path!.replace('/m/', '');
      return `  -> ${name}:${new LineMap(files[name]).positionAt(item.span.start).line + 1} ${item.message}`;
    });
    return [`${at.line + 1}:${at.character + 1} ${finding.checkId} ${finding.message}`, ...related];
  });
}

const AWS_LB = `resource "aws_lb" "web" {
  name = "web"

  tags = {
    owner = "team-edge"
  }
}
`;

const AWS_LISTENERS = `resource "aws_lb_target_group" "ssh" {
  port     = 22
  protocol = "TCP"
}

resource "aws_lb_listener" "ssh" {
  load_balancer_arn = aws_lb.web.arn
  port              = 22
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ssh.arn
  }
}
`;

const TENCENT_LB = `resource "tencentcloud_clb_instance" "web" {
  clb_name     = "clb-web"
  network_type = "OPEN"
}
`;

const TENCENT_LISTENERS = `resource "tencentcloud_clb_listener" "ssh" {
  clb_id        = tencentcloud_clb_instance.web.id
  listener_name = "ssh"
  port          = 22
  protocol      = "TCP"
}
`;

describe('a listener whose device is in another file of the module', () => {
  before(ready);

  it('AWS: reported on the listener, with the load balancer named and where it is', () => {
    const files = { 'lb.tf': AWS_LB, 'listeners.tf': AWS_LISTENERS };
    const result = lint(files, 'listeners.tf');
    assert.deepEqual(shown(result, files, 'listeners.tf'), [
      '8:23 admin-port-exposed SSH (22): internet-facing ALB web (lb.tf:1) port 22 forwards to target group aws_lb_target_group.ssh port 22',
      '  -> lb.tf:1 the device, in another file of the module',
    ]);
    const [rule] = result.rules;
    // The owner is read from the tags in lb.tf, and placed on the attribute that names the load balancer.
    assert.equal(rule.owner?.known && rule.owner.value, 'team-edge');
    assert.equal(rule.owner?.known && rule.owner.origin, 'aws_lb.web tags, lb.tf:5');
    const anchor = { start: AWS_LISTENERS.indexOf('aws_lb.web.arn'), end: AWS_LISTENERS.indexOf('aws_lb.web.arn') + 'aws_lb.web.arn'.length };
    assert.deepEqual([rule.owner?.span, rule.forward?.exposureSpan, rule.peers.known && rule.peers.value[0].span], [anchor, anchor, anchor]);
    assert.equal(rule.groupKey, 'aws_lb.web');
    // An editor re-lints the listeners when the load balancer's file changes.
    assert.ok(result.dependencies?.includes('/m/lb.tf'));
  });

  it('AWS: an expiry tag of the load balancer in another file is reported on the listener', () => {
    const files = { 'lb.tf': AWS_LB.replace('owner = "team-edge"', 'owner   = "team-edge"\n    expires = "2026-01-31"'), 'listeners.tf': AWS_LISTENERS };
    const expired = shown(lint(files, 'listeners.tf'), files, 'listeners.tf').filter((line) => line.includes('expired-rule'));
    assert.deepEqual(expired, ['7:23 expired-rule Temporary rule expired on 2026-01-31 (296 days ago)']);
  });

  it('AWS: the fix that makes the load balancer internal is only offered when it is in the document', () => {
    const apart = lint({ 'lb.tf': AWS_LB, 'listeners.tf': AWS_LISTENERS }, 'listeners.tf');
    assert.deepEqual(apart.findings.map((finding) => finding.fixes.map((fix) => fix.title)), [['Ignore admin-port-exposed on this line (with a reason)']]);
    const together = lint({ 'main.tf': `${AWS_LB}\n${AWS_LISTENERS}` }, 'main.tf');
    assert.deepEqual(together.findings.map((finding) => finding.fixes.map((fix) => fix.title)), [['Make the load balancer internal (internal = true)', 'Ignore admin-port-exposed on this line (with a reason)']]);
  });

  it('AWS: a load balancer with internal = true in another file publishes nothing', () => {
    const internal = AWS_LB.replace('name = "web"', 'name     = "web"\n  internal = true');
    const result = lint({ 'lb.tf': internal, 'listeners.tf': AWS_LISTENERS }, 'listeners.tf');
    assert.deepEqual([result.rules, result.findings], [[], []]);
  });

  it('AWS: without an owner in the other file, the owner tag is offered on the listener, never on the load balancer', () => {
    const files = { 'lb.tf': 'resource "aws_lb" "web" {\n  name = "web"\n}\n', 'listeners.tf': AWS_LISTENERS.replaceAll(' 22\n', ' 443\n') };
    const result = lint(files, 'listeners.tf');
    assert.deepEqual(shown(result, files, 'listeners.tf'), ['6:1 missing-owner aws_lb.web publishes ports (aws_lb_listener.ssh) but has no owner tag (owner, Owner)']);
    const [fix] = result.findings[0].fixes;
    assert.equal(fix.title, 'Add owner tag');
    const listener = { start: AWS_LISTENERS.indexOf('resource "aws_lb_listener"'), end: files['listeners.tf'].length };
    assert.ok(fix.edits.every((edit) => edit.span.start >= listener.start && edit.span.end <= listener.end), JSON.stringify(fix.edits));
  });

  it('Tencent: a listener on an OPEN CLB in another file is reported, with the CLB named', () => {
    const files = { 'lb.tf': TENCENT_LB, 'listeners.tf': TENCENT_LISTENERS };
    const result = lint(files, 'listeners.tf');
    assert.deepEqual(shown(result, files, 'listeners.tf'), [
      '1:1 missing-owner tencentcloud_clb_instance.web publishes ports (tencentcloud_clb_listener.ssh) but has no owner tag (owner, Owner)',
      '4:19 admin-port-exposed SSH (22): public CLB clb-web (lb.tf:3) port 22 forwards to instance (port not resolved)',
      '  -> lb.tf:3 the device, in another file of the module',
    ]);
    // Neither the owner tag nor network_type = "INTERNAL" can be written into lb.tf from here.
    assert.deepEqual(result.findings.map((finding) => finding.fixes.map((fix) => fix.title)), [['Ignore missing-owner on this line (with a reason)'], ['Ignore admin-port-exposed on this line (with a reason)']]);
  });

  it('Tencent: an INTERNAL CLB in another file, or one declared in two other files, publishes nothing', () => {
    const internal = lint({ 'lb.tf': TENCENT_LB.replace('"OPEN"', '"INTERNAL"'), 'listeners.tf': TENCENT_LISTENERS }, 'listeners.tf');
    assert.deepEqual([internal.rules, internal.findings], [[], []]);
    // Terraform refuses a module that declares a resource twice: which of the two is meant cannot be said.
    const twice = lint({ 'lb.tf': TENCENT_LB, 'lb2.tf': TENCENT_LB, 'listeners.tf': TENCENT_LISTENERS }, 'listeners.tf');
    assert.deepEqual(twice.rules, []);
  });

  it('an unresolved setting in the other file is unknown, placed on the attribute that names the device', () => {
    const files = { 'lb.tf': 'variable "internal" {}\n\nresource "aws_lb" "web" {\n  internal = var.internal\n}\n', 'listeners.tf': AWS_LISTENERS };
    const [rule] = lint(files, 'listeners.tf').rules;
    assert.equal(!rule.peers.known && rule.peers.why, 'internal: var.internal is not a literal (lb.tf:4)');
    assert.equal(files['listeners.tf'].slice(rule.peers.span.start, rule.peers.span.end), 'aws_lb.web.arn');
  });

  it('two listeners in two files on one public port of a load balancer in a third are overlapping forwards', () => {
    const https = (name: string): string => `resource "aws_lb_listener" "${name}" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n}\n`;
    const files = { 'lb.tf': AWS_LB, 'a.tf': https('a'), 'b.tf': https('b') };
    // The one written later (b.tf) is reported.
    const [finding] = shown(lint(files, 'b.tf'), files, 'b.tf');
    assert.match(finding, /^3:23 overlapping-rules two forwards publish the same public port: .*ALB web \(lb\.tf:1\).* aws_lb_listener\.a \(a\.tf:1\)/);
    assert.deepEqual(lint(files, 'a.tf').findings, []);
    // The device in the document or not, the key is the same.
    const together = { 'lb.tf': `${AWS_LB}\n${https('a')}`, 'b.tf': https('b') };
    assert.deepEqual(lint(together, 'lb.tf').findings.map((finding) => finding.checkId), ['overlapping-rules']);
    assert.deepEqual(lint(together, 'b.tf').findings, []);
  });

  it('Azure: a NAT rule on the public frontend of a load balancer in another file is reported', () => {
    const files = {
      'lb.tf': 'resource "azurerm_lb" "main" {\n  name = "lb-main"\n  frontend_ip_configuration {\n    name                 = "public"\n    public_ip_address_id = azurerm_public_ip.main.id\n  }\n}\n',
      'nat.tf': 'resource "azurerm_lb_nat_rule" "rdp" {\n  loadbalancer_id                = azurerm_lb.main.id\n  frontend_ip_configuration_name = "public"\n  protocol                       = "Tcp"\n  frontend_port                  = 3389\n  backend_port                   = 3389\n}\n',
    };
    const result = lint(files, 'nat.tf');
    assert.ok(shown(result, files, 'nat.tf').includes('5:36 admin-port-exposed RDP (3389): public load balancer lb-main (frontend public) (lb.tf:5) port 3389 forwards to backend VM port 3389'), shown(result, files, 'nat.tf').join('\n'));
    // An HA-ports rule (every port) on the same frontend: the wide range, with the device related.
    const haPorts = { 'lb.tf': files['lb.tf'], 'rules.tf': 'resource "azurerm_lb_rule" "all" {\n  loadbalancer_id                = azurerm_lb.main.id\n  frontend_ip_configuration_name = "public"\n  protocol                       = "All"\n  frontend_port                  = 0\n  backend_port                   = 0\n}\n' };
    assert.deepEqual(shown(lint(haPorts, 'rules.tf'), haPorts, 'rules.tf').filter((line) => !line.includes('admin-port-exposed') && !line.includes('public-database') && !line.includes('missing-owner')).slice(0, 2), [
      '5:36 full-range-exposure 65,536 ports (0-65535) are open on public load balancer lb-main (frontend public) (lb.tf:5) and forward to backend pool port 0-65535',
      '  -> lb.tf:5 the device, in another file of the module',
    ]);
    const privateFrontend = { ...files, 'lb.tf': files['lb.tf'].replace('public_ip_address_id = azurerm_public_ip.main.id', 'subnet_id = azurerm_subnet.main.id') };
    assert.deepEqual(lint(privateFrontend, 'nat.tf').rules, []);
  });

  it('Tencent DNAT: the entry is public wherever the gateway is; the gateway in another file gives its name and owner', () => {
    const files = {
      'nat.tf': 'resource "tencentcloud_nat_gateway" "main" {\n  name = "nat-main"\n  tags = {\n    owner = "net"\n  }\n}\n',
      'dnat.tf': 'resource "tencentcloud_dnat" "ssh" {\n  nat_id       = tencentcloud_nat_gateway.main.id\n  protocol     = "TCP"\n  elastic_ip   = "203.0.113.10"\n  elastic_port = "22"\n  private_ip   = "10.0.0.5"\n  private_port = "22"\n}\n',
    };
    const result = lint(files, 'dnat.tf');
    assert.deepEqual(shown(result, files, 'dnat.tf'), [
      '5:19 admin-port-exposed SSH (22): NAT gateway nat-main (203.0.113.10) (nat.tf:1) port 22 forwards to 10.0.0.5 port 22',
      '  -> nat.tf:1 the device, in another file of the module',
    ]);
    const [rule] = result.rules;
    // The entry's own elastic_ip makes it public: that span is the document's and stays.
    assert.equal(files['dnat.tf'].slice(rule.forward!.exposureSpan.start, rule.forward!.exposureSpan.end), 'elastic_ip   = "203.0.113.10"');
    assert.equal(rule.owner?.known && rule.owner.value, 'net');
  });

  it('in a module instance, the device key carries the instance, in the file of the device or not', () => {
    const https = (name: string): string => `resource "aws_lb_listener" "${name}" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n}\n`;
    const directories = new Map([
      ['/root', [{ path: '/root/main.tf', text: 'module "edge" {\n  source = "../m"\n}\n' }]],
      ['/m', [{ path: '/m/lb.tf', text: `${AWS_LB}\n${https('a')}` }, { path: '/m/b.tf', text: https('b') }]],
    ]);
    const keys = ['/m/lb.tf', '/m/b.tf'].map((path) => lintDocument({ text: directories.get('/m')!.find((file) => file.path === path)!.text, path, today: TODAY, module: { directories } }).rules.map((rule) => [rule.groupKey, rule.forward?.deviceKey]));
    assert.deepEqual(keys, [[['module.edge.aws_lb.web', 'module.edge.aws_lb.web']], [['module.edge.aws_lb.web', 'module.edge.aws_lb.web']]]);
  });

  it('the inventory lists the listener as an internet exposure through the device in the other file', () => {
    const files = { 'lb.tf': TENCENT_LB, 'listeners.tf': TENCENT_LISTENERS };
    const result = lint(files, 'listeners.tf');
    const exposures = buildInventory({ path: '/m/listeners.tf', text: TENCENT_LISTENERS, result, settings: DEFAULT_SETTINGS, today: TODAY });
    assert.deepEqual(exposures.map((exposure) => [exposure.resource, exposure.line, exposure.portsText, exposure.peers.map((peer) => peer.text), exposure.reach, exposure.forward, exposure.findings.map((finding) => finding.checkId)]), [
      ['tencentcloud_clb_listener.ssh', 1, '22', ['internet'], 'internet', 'public CLB clb-web (lb.tf:3) forwards to instance (port not resolved)', ['missing-owner', 'admin-port-exposed']],
    ]);
  });
});
