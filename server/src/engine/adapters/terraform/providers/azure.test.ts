import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../apply-edits';
import type { NetworkRule, TextEdit } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

function applied(code: TaggedCode, edits: readonly TextEdit[] | undefined): string {
  assert.ok(edits, 'the editor offered no edit');
  return applyEdits(code.text, edits);
}

/** A standalone rule with the given lines in place of its ports and peers. */
function standalone(lines: string): TaggedCode {
  return tf`
    resource "azurerm_network_security_rule" "app" {
      name                        = "app"
      priority                    = 100
      direction                   = "Inbound"
      access                      = "Allow"
      protocol                    = "Tcp"
      source_port_range           = "*"
      ${lines}
      destination_address_prefix  = "*"
      resource_group_name         = "rg"
      network_security_group_name = "nsg"
    }`;
}

describe('azure rule editors', () => {
  before(ready);

  describe('setPorts', () => {
    const single = standalone(`destination_port_range      = "*"
      source_address_prefix       = "*"`);

    it('rewrites a single range in place', () => {
      assert.equal(applied(single, rulesOf(single)[0].edit.setPorts([[443, 443]])), single.text.replace('destination_port_range      = "*"', 'destination_port_range      = "443"'));
      assert.equal(applied(single, rulesOf(single)[0].edit.setPorts([[8000, 8080]])), single.text.replace('destination_port_range      = "*"', 'destination_port_range      = "8000-8080"'));
    });

    it('turns a single range into the list attribute for several ranges', () => {
      assert.equal(applied(single, rulesOf(single)[0].edit.setPorts([[80, 80], [443, 443]])), single.text.replace('destination_port_range      = "*"', 'destination_port_ranges     = ["80", "443"]'));
    });

    it('rewrites a list in place and writes every port as *', () => {
      const list = standalone(`destination_port_ranges     = ["22", "3389", "8000-9000"]
      source_address_prefix       = "*"`);
      assert.equal(applied(list, rulesOf(list)[0].edit.setPorts([[443, 443]])), list.text.replace('["22", "3389", "8000-9000"]', '["443"]'));
      assert.equal(applied(list, rulesOf(list)[0].edit.setPorts([[0, 65535]])), list.text.replace('["22", "3389", "8000-9000"]', '["*"]'));
    });

    it('gives up on ports from an expression, or on both attributes at once', () => {
      const fromVariable = standalone(`destination_port_range      = var.port
      source_address_prefix       = "*"`);
      const both = standalone(`destination_port_range      = "22"
      destination_port_ranges     = ["80"]
      source_address_prefix       = "*"`);
      assert.equal(rulesOf(fromVariable)[0].edit.setPorts([[443, 443]]), undefined);
      assert.equal(rulesOf(both)[0].edit.setPorts([[443, 443]]), undefined);
    });
  });

  describe('replaceInternetPeers', () => {
    const anySource = standalone(`destination_port_range      = "5432"
      source_address_prefix       = "Internet"`);

    it('replaces a single prefix with one CIDR', () => {
      assert.equal(applied(anySource, rulesOf(anySource)[0].edit.replaceInternetPeers(['10.0.0.0/8'])), anySource.text.replace('"Internet"', '"10.0.0.0/8"'));
    });

    it('turns a single prefix into the list attribute for several CIDRs', () => {
      assert.equal(
        applied(anySource, rulesOf(anySource)[0].edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16'])),
        anySource.text.replace('source_address_prefix       = "Internet"', 'source_address_prefixes     = ["10.0.0.0/8", "192.168.0.0/16"]'),
      );
    });

    it('keeps the other items of a list', () => {
      const list = standalone(`destination_port_range      = "5432"
      source_address_prefixes     = ["0.0.0.0/0", "VirtualNetwork"]`);
      assert.equal(applied(list, rulesOf(list)[0].edit.replaceInternetPeers(['10.0.0.0/8'])), list.text.replace('["0.0.0.0/0", "VirtualNetwork"]', '["10.0.0.0/8", "VirtualNetwork"]'));
    });

    it('edits the destination of an outbound rule', () => {
      const code = tf`
        resource "azurerm_network_security_group" "app" {
          security_rule {
            name                       = "out"
            priority                   = 100
            direction                  = "Outbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "443"
            source_address_prefix      = "*"
            destination_address_prefix = "*"
          }
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.replaceInternetPeers(['10.0.0.0/8'])), code.text.replace('destination_address_prefix = "*"', 'destination_address_prefix = "10.0.0.0/8"'));
    });

    it('gives up on a source from an expression', () => {
      const fromVariable = standalone(`destination_port_range      = "5432"
      source_address_prefix       = var.source`);
      assert.equal(rulesOf(fromVariable)[0].edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
    });
  });

  describe('addOwner', () => {
    it('tags the NSG of an inline rule', () => {
      const code = tf`
        resource "azurerm_network_security_group" "app" {
          name = "app-nsg"

          security_rule {
            name                       = "https"
            priority                   = 100
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_port_range          = "*"
            destination_port_range     = "443"
            source_address_prefix      = "*"
            destination_address_prefix = "*"
          }

          tags = {
            environment = "prod"
          }
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.addOwner('owner', 'web-team')), code.text.replace('    environment = "prod"\n', '    owner = "web-team"\n    environment = "prod"\n'));
    });

    it('tags the NSG a standalone rule names, and gives up when that NSG is elsewhere', () => {
      const code = tf`
        resource "azurerm_network_security_group" "db" {
          name = "db-nsg"
        }

        resource "azurerm_network_security_rule" "sql" {
          name                        = "sql"
          priority                    = 100
          direction                   = "Inbound"
          access                      = "Allow"
          protocol                    = "Tcp"
          source_port_range           = "*"
          destination_port_range      = "1433"
          source_address_prefix       = "*"
          destination_address_prefix  = "*"
          network_security_group_name = azurerm_network_security_group.db.name
        }`;
      assert.equal(applied(code, rulesOf(code)[0].edit.addOwner('owner', 'data-team')), code.text.replace('  name = "db-nsg"\n', '  name = "db-nsg"\n  tags = {\n    owner = "data-team"\n  }\n'));
      const elsewhere = standalone(`destination_port_range      = "1433"
      source_address_prefix       = "*"`);
      assert.equal(rulesOf(elsewhere)[0].edit.addOwner('owner', 'data-team'), undefined);
    });
  });
});
