import type { InventoryFormat } from '../../args';
import { formatHtml } from '../html/report';
import type { InventoryFormatter } from '../report';
import { formatCsv } from './csv';
import { formatInventoryJson } from './json';
import { formatMarkdown } from './markdown';
import { formatTable } from './table';
import { formatText } from './text';

export const inventoryFormatters: Readonly<Record<InventoryFormat, InventoryFormatter>> = {
  table: formatTable,
  text: formatText,
  csv: formatCsv,
  json: formatInventoryJson,
  markdown: formatMarkdown,
  html: formatHtml,
};
