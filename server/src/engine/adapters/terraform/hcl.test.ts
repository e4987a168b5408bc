import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lintDocument } from '../../lint';
import { ready } from '../../../testing/engine';

describe('reading a Terraform file', () => {
  before(ready);

  it('reads the nested blocks of every top-level block of a file with a syntax error, however many there are', () => {
    // Nesting is capped for hostile input; a block's place in the file is not its depth. The stray
    // `@` sends the file through the recovery that reparses around a syntax error.
    const groups = Array.from({ length: 250 }, (_, index) => [
      `resource "aws_security_group" "g${index}" {`,
      '  tags = { owner = "team" }',
      '  ingress {',
      '    from_port   = 22',
      '    to_port     = 22',
      '    protocol    = "tcp"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
    ].join('\n'));
    const result = lintDocument({ text: `${groups[0]}\n@\n${groups.slice(1).join('\n')}`, path: 'main.tf', today: '2026-01-01' });
    assert.equal(result.parseErrors.length > 0, true);
    assert.equal(result.rules.length, 250);
    assert.equal(result.findings.filter((finding) => finding.checkId === 'admin-port-exposed').length, 250);
  });
});
