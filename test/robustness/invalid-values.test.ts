import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { LineMap, lintDocument, type LintResult } from '../../server/src/engine/index';
import { portTextProblem } from '../../server/src/engine/model/ports';
import { cidrProblem } from '../../server/src/engine/model/cidr';
import { ready } from '../../server/src/testing/engine';
import { measure } from './support/measure';

/*
 * Ports and networks no value can be: each is reported as a note at its exact span (the CLI prints
 * it on stderr, the editor shows it as a warning), the rule's ports or that address stay unknown
 * (so no check guesses at them), and nothing is ever expanded port by port.
 */
const TODAY = '2026-11-23';

function lint(path: string, text: string): LintResult {
  const result = lintDocument({ text, path, today: TODAY });
  assert.deepEqual(result.internalErrors, []);
  return result;
}

/** "line:column `text` message" of each note. */
function notes(text: string, result: LintResult): string[] {
  const lines = new LineMap(text);
  return (result.notes ?? []).map((note) => {
    const { line, character } = lines.positionAt(note.span.start);
    return `${line + 1}:${character + 1} \`${text.slice(note.span.start, note.span.end)}\` ${note.message}`;
  });
}

const PORTS = "the rule's ports were not checked";

const cases: readonly { name: string; path: string; text: string; notes: string[] }[] = [
  {
    name: 'AWS from_port/to_port',
    path: 'main.tf',
    text: 'resource "aws_security_group_rule" "a" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 0\n  to_port           = 65536\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n}\nresource "aws_security_group_rule" "b" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = -5\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n}\nresource "aws_security_group_rule" "c" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 443\n  to_port           = 80\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n}\n',
    notes: [`5:23 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`, `12:23 \`-5\` Port -5 is outside 0-65535; ${PORTS}`, `20:3 \`from_port         = 443\n  to_port           = 80\` The range 443-80 starts after it ends; ${PORTS}`],
  },
  {
    name: 'Tencent lite rules and port_range',
    path: 'main.tf',
    text: 'resource "tencentcloud_security_group_lite_rule" "w" {\n  security_group_id = "sg-1"\n  ingress           = ["ACCEPT#0.0.0.0/0#0-200000#TCP", "ACCEPT#0.0.0.0/0#65536#TCP"]\n}\nresource "tencentcloud_security_group_rule" "r" {\n  security_group_id = "sg-1"\n  type              = "ingress"\n  cidr_ip           = "0.0.0.0/0"\n  ip_protocol       = "tcp"\n  port_range        = "0-200000"\n  policy            = "accept"\n}\n',
    notes: [`3:42 \`0-200000\` Port 200000 in "0-200000" is outside 0-65535; ${PORTS}`, `3:75 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`, `10:24 \`0-200000\` Port 200000 in "0-200000" is outside 0-65535; ${PORTS}`],
  },
  {
    name: 'Alibaba port_range',
    path: 'main.tf',
    text: 'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "-5/22"\n  cidr_ip           = "0.0.0.0/0"\n  security_group_id = "sg-1"\n}\n',
    notes: [`4:24 \`-5/22\` Port -5 in "-5/22" is outside 0-65535; ${PORTS}`],
  },
  {
    name: 'Azure port ranges',
    path: 'main.tf',
    text: 'resource "azurerm_network_security_rule" "r" {\n  name                        = "r"\n  priority                    = 100\n  direction                   = "Inbound"\n  access                      = "Allow"\n  protocol                    = "Tcp"\n  source_port_range           = "*"\n  destination_port_ranges     = ["443", "0-200000"]\n  source_address_prefix       = "*"\n  destination_address_prefix  = "*"\n  resource_group_name         = "rg"\n  network_security_group_name = "nsg"\n}\n',
    notes: [`8:42 \`0-200000\` Port 200000 in "0-200000" is outside 0-65535; ${PORTS}`],
  },
  {
    name: 'GCP firewall ports',
    path: 'main.tf',
    text: 'resource "google_compute_firewall" "f" {\n  name    = "f"\n  network = "default"\n  allow {\n    protocol = "tcp"\n    ports    = ["22", "65536"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n',
    notes: [`6:24 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`],
  },
  {
    name: 'Kubernetes Service ports and hostPort',
    path: 'manifest.yaml',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 65536\n    - port: -5\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n      ports:\n        - containerPort: 80\n          hostPort: 65536\n',
    notes: [`8:13 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`, `9:13 \`-5\` Port -5 is outside 0-65535; ${PORTS}`, `21:21 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`],
  },
  {
    name: 'Compose short and long syntax',
    path: 'docker-compose.yml',
    text: 'services:\n  web:\n    image: nginx\n    ports:\n      - "65536:80"\n      - "0-200000:80"\n      - target: 80\n        published: 65536\n',
    notes: [`5:10 \`65536:80\` Port 65536 in "65536:80" is outside 0-65535; ${PORTS}`, `6:10 \`0-200000:80\` Port 200000 in "0-200000:80" is outside 0-65535; ${PORTS}`, `8:20 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`],
  },
  {
    name: 'CloudFormation FromPort/ToPort',
    path: 'template.yaml',
    text: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 0\n          ToPort: 65536\n          CidrIp: 0.0.0.0/0\n',
    notes: [`10:19 \`65536\` Port 65536 is outside 0-65535; ${PORTS}`],
  },
];

describe('ports and networks no value can be', () => {
  before(ready);

  for (const testCase of cases) {
    it(`${testCase.name}: a note at the exact span, and no finding guessed from the port`, () => {
      const result = lint(testCase.path, testCase.text);
      assert.deepEqual(notes(testCase.text, result), testCase.notes);
      // Every one of these rules is open to the internet: a port read as a number would make a finding.
      const portFindings = result.findings.filter((finding) => finding.checkId === 'full-range-exposure' || finding.checkId === 'admin-port-exposed' || finding.checkId === 'public-database');
      assert.deepEqual(portFindings.map((finding) => finding.message), []);
    });
  }

  it('a huge range is compared, never expanded port by port', () => {
    const text = 'resource "tencentcloud_security_group_lite_rule" "w" {\n  security_group_id = "sg-1"\n  ingress           = ["ACCEPT#0.0.0.0/0#0-999999#TCP", "ACCEPT#0.0.0.0/0#1-65535#TCP"]\n}\nresource "aws_security_group_rule" "a" {\n  type = "ingress"\n  security_group_id = "sg-1"\n  from_port = 0\n  to_port = 99999999999999999999\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n';
    const run = measure(() => lint('main.tf', text));
    assert.ok(run.ms < 200, `took ${Math.round(run.ms)} ms`);
    assert.deepEqual(run.value.findings.filter((finding) => finding.checkId === 'full-range-exposure').map((finding) => finding.message), ['65,535 ports (1-65535) are open to 0.0.0.0/0']);
    assert.equal(run.value.notes?.length, 2);
  });

  it('a /33 prefix is reported and not read as the internet, in every syntax', () => {
    const samples: readonly [string, string, string][] = [
      ['main.tf', 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/33"]\n}\n', '7:25 `0.0.0.0/33` "0.0.0.0/33" is not a network: an IPv4 prefix is /0 to /32, not /33; this address was not checked'],
      ['main.tf', 'resource "azurerm_network_security_rule" "r" {\n  name = "r"\n  priority = 100\n  direction = "Inbound"\n  access = "Allow"\n  protocol = "Tcp"\n  source_port_range = "*"\n  destination_port_range = "22"\n  source_address_prefix = "::/129"\n  destination_address_prefix = "*"\n  resource_group_name = "rg"\n  network_security_group_name = "nsg"\n}\n', '9:28 `::/129` "::/129" is not a network: an IPv6 prefix is /0 to /128, not /129; this address was not checked'],
      ['manifest.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: ["0.0.0.0/33"]\n  ports:\n    - port: 22\n', '7:31 `0.0.0.0/33` "0.0.0.0/33" is not a network: an IPv4 prefix is /0 to /32, not /33; this address was not checked'],
      ['template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 999.0.0.0/8}\n', '8:63 `999.0.0.0/8` "999.0.0.0/8" is not a network: 999.0.0.0 is not an IPv4 address; this address was not checked'],
    ];
    for (const [path, text, note] of samples) {
      const result = lint(path, text);
      assert.deepEqual(notes(text, result), [note]);
      assert.deepEqual(result.findings.filter((finding) => finding.checkId === 'admin-port-exposed'), [], path);
    }
  });

  it('what counts as an invalid port or network, and what is only unknown', () => {
    assert.equal(portTextProblem('65536'), 'port 65536 is outside 0-65535');
    assert.equal(portTextProblem('8000-70000:80/tcp'), 'port 70000 in "8000-70000:80/tcp" is outside 0-65535');
    assert.equal(portTextProblem('100-22'), 'the range 100-22 starts after it ends');
    assert.equal(portTextProblem('${PORT}:80'), undefined);
    assert.equal(portTextProblem('http'), undefined);
    assert.equal(cidrProblem('sg-0123456'), undefined);
    assert.equal(cidrProblem('10.0.0.0/8'), undefined);
    assert.equal(cidrProblem('10.0.0.0/x'), '"10.0.0.0/x" is not a network: an IPv4 prefix is /0 to /32, not /x');
    assert.equal(cidrProblem('VirtualNetwork'), undefined);
  });
});
