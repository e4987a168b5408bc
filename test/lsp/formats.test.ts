import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { isCodeAction, LspSession } from './support/session';

/** Code, line and characters (from 0) of each diagnostic, in order. */
function summary(diagnostics: readonly Diagnostic[]): [string | number | undefined, number, number, number, number][] {
  return diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character]);
}

async function quickFix(session: LspSession, uri: string, diagnostic: Diagnostic, title: string): Promise<CodeAction> {
  const actions = (await session.codeActions(uri, diagnostic.range)).filter(isCodeAction);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action?.edit, `no "${title}" among ${actions.map((candidate) => candidate.title).join(', ')}`);
  return action;
}

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: postgres
  labels:
    owner: dba-team
spec:
  type: LoadBalancer
  ports:
    - port: 5432
`;

const COMPOSE = `services:
  db:
    image: postgres:16
    labels:
      owner: dba-team
    ports:
      - "5432:5432"
`;

const AZURE_NSG = `{
  "name": "vm-nsg",
  "type": "Microsoft.Network/networkSecurityGroups",
  "securityRules": [
    {
      "name": "rdp",
      "access": "Allow",
      "direction": "Inbound",
      "priority": 100,
      "protocol": "Tcp",
      "sourceAddressPrefix": "*",
      "destinationPortRange": "3389"
    }
  ],
  "tags": { "owner": "ops" }
}
`;

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
      Tags:
        - Key: owner
          Value: ops
`;

describe('YAML and JSON formats over LSP (the built server, stdio)', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ settings: () => null });
  });
  after(() => session.dispose());

  it('Kubernetes: a LoadBalancer for PostgreSQL, restricted by a quick fix that adds loadBalancerSourceRanges', async () => {
    const uri = 'file:///project/k8s/postgres.yaml';
    const published = await session.open(uri, SERVICE, 'yaml');
    assert.deepEqual(summary(published.diagnostics), [['public-database', 9, 12, 9, 16]]);
    assert.equal(published.diagnostics[0].message, 'PostgreSQL (5432) is open to 0.0.0.0/0');
    assert.equal(published.diagnostics[0].severity, DiagnosticSeverity.Error);
    const actions = (await session.codeActions(uri, published.diagnostics[0].range)).filter(isCodeAction);
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred === true]), [
      ['Restrict source to 10.0.0.0/8', true],
      ['Ignore public-database on this line (with a reason)', false],
    ]);
    const after = await session.applyEdit(uri, (await quickFix(session, uri, published.diagnostics[0], 'Restrict source to 10.0.0.0/8')).edit ?? {});
    assert.equal(session.text(uri), `${SERVICE}  loadBalancerSourceRanges:\n    - 10.0.0.0/8\n`);
    assert.deepEqual(after.diagnostics, []);
  });

  it('Kubernetes: the suppression quick fix writes a YAML comment that silences the finding', async () => {
    const uri = 'file:///project/k8s/ignored.yaml';
    const published = await session.open(uri, SERVICE, 'yaml');
    const action = await quickFix(session, uri, published.diagnostics[0], 'Ignore public-database on this line (with a reason)');
    const after = await session.applyEdit(uri, action.edit ?? {});
    assert.match(session.text(uri), /\n {4}# portwarden-ignore public-database: TODO reason\n {4}- port: 5432\n/);
    assert.deepEqual(after.diagnostics, []);
  });

  it('Compose: "5432:5432" is a public database; "Bind to 127.0.0.1" rewrites the mapping', async () => {
    const uri = 'file:///project/compose.yaml';
    const published = await session.open(uri, COMPOSE, 'yaml');
    assert.deepEqual(summary(published.diagnostics), [['public-database', 6, 9, 6, 18]]);
    const action = await quickFix(session, uri, published.diagnostics[0], 'Bind to 127.0.0.1');
    assert.equal(action.isPreferred, true);
    const after = await session.applyEdit(uri, action.edit ?? {});
    assert.equal(session.text(uri), COMPOSE.replace('"5432:5432"', '"127.0.0.1:5432:5432"'));
    assert.deepEqual(after.diagnostics, []);
  });

  it('an Azure NSG export: RDP from anywhere, restricted in JSON; no suppression is offered in JSON', async () => {
    const uri = 'file:///project/exports/nsg.json';
    const published = await session.open(uri, AZURE_NSG, 'json');
    assert.deepEqual(summary(published.diagnostics), [['admin-port-exposed', 11, 31, 11, 35]]);
    assert.equal(published.diagnostics[0].message, 'RDP (3389) is open to *');
    const actions = (await session.codeActions(uri, published.diagnostics[0].range)).filter(isCodeAction);
    assert.deepEqual(actions.map((action) => action.title), ['Restrict source to 10.0.0.0/8']);
    const after = await session.applyEdit(uri, actions[0].edit ?? {});
    assert.equal(session.text(uri), AZURE_NSG.replace('"sourceAddressPrefix": "*"', '"sourceAddressPrefix": "10.0.0.0/8"'));
    assert.deepEqual(after.diagnostics, []);
  });

  it('Kubernetes JSON: a LoadBalancer for PostgreSQL, restricted in JSON; no suppression is offered in JSON', async () => {
    const uri = 'file:///project/k8s/postgres.json';
    const text = '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": { "name": "postgres", "labels": { "owner": "dba-team" } },\n  "spec": { "type": "LoadBalancer", "ports": [{ "port": 5432 }] }\n}\n';
    const published = await session.open(uri, text, 'json');
    assert.deepEqual(summary(published.diagnostics), [['public-database', 4, 56, 4, 60]]);
    const actions = (await session.codeActions(uri, published.diagnostics[0].range)).filter(isCodeAction);
    assert.deepEqual(actions.map((action) => action.title), ['Restrict source to 10.0.0.0/8']);
    const after = await session.applyEdit(uri, actions[0].edit ?? {});
    assert.deepEqual((JSON.parse(session.text(uri)) as { spec: { loadBalancerSourceRanges: string[] } }).spec.loadBalancerSourceRanges, ['10.0.0.0/8']);
    assert.deepEqual(after.diagnostics, []);
  });

  it('CloudFormation YAML: SSH from anywhere, on FromPort/ToPort, restricted by a quick fix', async () => {
    const uri = 'file:///project/cfn/bastion.yaml';
    const published = await session.open(uri, TEMPLATE, 'yaml');
    assert.deepEqual(summary(published.diagnostics), [['admin-port-exposed', 8, 10, 9, 20]]);
    const after = await session.applyEdit(uri, (await quickFix(session, uri, published.diagnostics[0], 'Restrict source to 10.0.0.0/8')).edit ?? {});
    assert.equal(session.text(uri), TEMPLATE.replace('CidrIp: 0.0.0.0/0', 'CidrIp: 10.0.0.0/8'));
    assert.deepEqual(after.diagnostics, []);
  });

  it('re-lints YAML after an incremental change: a source range that restricts the load balancer clears the finding', async () => {
    const uri = 'file:///project/k8s/edited.yaml';
    await session.open(uri, SERVICE, 'yaml');
    const edited = await session.change(uri, [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: '  loadBalancerSourceRanges: [203.0.113.0/24]\n' }]);
    assert.deepEqual(edited.diagnostics, []);
  });

  it('publishes nothing for a Helm template, YAML no format claims, or broken YAML', async () => {
    const helm = await session.open('file:///project/chart/templates/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 22\n', 'yaml');
    assert.deepEqual(helm.diagnostics, []);
    const broken = await session.open('file:///project/k8s/broken.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: "x\n', 'yaml');
    assert.deepEqual(broken.diagnostics, []);
  });
});
