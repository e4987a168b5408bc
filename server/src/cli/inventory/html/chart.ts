import type { PortCount } from '../../../engine/index';
import { escapeHtml } from './escape';

const WIDTH = 640;
const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 150;
const COUNT_WIDTH = 40;

/**
 * A horizontal bar chart as inline SVG (no script, no external asset): one bar per port label,
 * longest first. Says so in words when there is nothing to draw.
 */
export function barChart(title: string, counts: readonly PortCount[], emptyText: string): string {
  if (counts.length === 0) return `<p class="empty-chart">${escapeHtml(emptyText)}</p>`;
  const max = Math.max(...counts.map((count) => count.count));
  const barSpace = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = counts.length * (BAR_HEIGHT + GAP);
  const bars = counts.map((count, index) => {
    const y = index * (BAR_HEIGHT + GAP);
    const width = Math.max(2, Math.round((count.count / max) * barSpace));
    const label = escapeHtml(count.label);
    return [
      `<g class="bar" data-port="${label}">`,
      `<title>${label}: ${count.count} ${count.count === 1 ? 'rule' : 'rules'}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="central">${label}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="3"></rect>`,
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="central" class="count">${count.count}</text>`,
      '</g>',
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${bars.join('')}</svg>`;
}
