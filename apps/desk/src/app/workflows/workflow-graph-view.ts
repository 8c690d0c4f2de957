import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { WorkflowGraphDto, WorkflowGraphNodeDto } from '@dvc/shared/contracts';

const W = 200;
const H = 76;
const COL = 300;
const ROW = 128;
const PAD = 56;

let seq = 0;

/** Splits text into at most `lines` lines of about `width` characters, with "…" when cut. */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

interface Box {
  node: WorkflowGraphNodeDto;
  x: number;
  y: number;
  name: string[];
  owner: string | null;
}
interface Arrow {
  key: string;
  d: string;
  label: string;
  /** Every action of the arrow. */
  title: string;
  lx: number;
  ly: number;
  lw: number;
}

/**
 * The graph of a workflow definition as SVG, without a library: steps are boxes laid out in the
 * columns the API computed (distance from the intake step), actions are labelled arrows. The SVG
 * has a title and a description; the same transitions are listed as text below it.
 */
@Component({
  selector: 'dvc-workflow-graph-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let g = graph();
    <div class="graph-scroll" role="region" [attr.aria-label]="'Sơ đồ ' + heading()" tabindex="0">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        [attr.aria-labelledby]="id + '-title ' + id + '-desc'"
        [attr.width]="size().w"
        [attr.height]="size().h"
        [attr.viewBox]="'0 0 ' + size().w + ' ' + size().h"
        data-testid="workflow-graph"
      >
        <title [attr.id]="id + '-title'">Sơ đồ {{ heading() }}</title>
        <desc [attr.id]="id + '-desc'">{{ description() }}</desc>
        <defs>
          <marker [attr.id]="id + '-arrow'" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" class="head" />
          </marker>
        </defs>
        @for (a of arrows(); track a.key) {
          <path [attr.d]="a.d" class="edge" [attr.marker-end]="'url(#' + id + '-arrow)'" />
        }
        @for (b of boxes(); track b.node.id) {
          <g
            class="node"
            [class.node--end]="b.node.kind === 'end'"
            [class.node--unreachable]="!b.node.reachable"
            [attr.data-step]="b.node.id"
          >
            <title>{{ b.node.name }}{{ b.node.ownerLabel ? ' — chủ trì: ' + b.node.ownerLabel : '' }}</title>
            <rect [attr.x]="b.x" [attr.y]="b.y" [attr.width]="W" [attr.height]="H" rx="6" />
            <text [attr.x]="b.x + 10" [attr.y]="b.y + 16" class="kind">
              {{ b.node.kindLabel }}{{ b.node.share !== null && b.node.share > 0 ? ' · ' + pct(b.node.share) : '' }}{{ b.node.reachable ? '' : ' · không tới được' }}
            </text>
            @for (line of b.name; track $index) {
              <text [attr.x]="b.x + 10" [attr.y]="b.y + 34 + $index * 16" class="name">{{ line }}</text>
            }
            @if (b.owner) {
              <text [attr.x]="b.x + 10" [attr.y]="b.y + H - 8" class="owner">{{ b.owner }}</text>
            }
          </g>
        }
        @for (a of arrows(); track a.key) {
          <g>
            <title>{{ a.title }}</title>
            <rect [attr.x]="a.lx - a.lw / 2" [attr.y]="a.ly - 10" [attr.width]="a.lw" height="15" rx="3" class="label-bg" />
            <text [attr.x]="a.lx" [attr.y]="a.ly + 1" text-anchor="middle" class="label">{{ a.label }}</text>
          </g>
        }
      </svg>
    </div>
    <details class="transitions" data-testid="workflow-transitions">
      <summary>Danh sách chuyển tiếp dạng văn bản ({{ g.edges.length }})</summary>
      <ul>
        @for (e of g.edges; track $index) {
          <li>
            <strong>{{ nameOf(e.from) }}</strong> — {{ e.label }} →
            <strong>{{ nameOf(e.to) }}</strong>
          </li>
        }
      </ul>
    </details>
  `,
  styles: `
    :host {
      display: block;
    }
    .graph-scroll {
      overflow: auto;
      max-width: 100%;
      border: 1px solid var(--dvc-border);
      border-radius: var(--dvc-radius);
      background: var(--dvc-surface-muted);
    }
    .graph-scroll:focus-visible {
      outline: 3px solid var(--dvc-focus);
    }
    svg {
      display: block;
      /* Natural size: on a narrow screen the region scrolls rather than shrinking the text. */
      max-width: none;
      font-family: var(--dvc-font);
    }
    .node rect {
      fill: #fff;
      stroke: var(--dvc-primary);
      stroke-width: 2;
    }
    .node--end rect {
      fill: var(--dvc-surface-muted);
      stroke: var(--dvc-border-strong);
    }
    .node--unreachable rect {
      fill: var(--dvc-danger-bg);
      stroke: var(--dvc-danger);
      stroke-dasharray: 6 4;
    }
    .kind {
      font-size: 11px;
      fill: var(--dvc-ink-muted);
      text-transform: uppercase;
    }
    .name {
      font-size: 13px;
      font-weight: 700;
      fill: var(--dvc-ink);
    }
    .owner {
      font-size: 11px;
      fill: var(--dvc-ink-muted);
    }
    .edge {
      fill: none;
      stroke: var(--dvc-ink-muted);
      stroke-width: 1.5;
    }
    .head {
      fill: var(--dvc-ink-muted);
    }
    .label-bg {
      fill: #fff;
      opacity: 0.92;
    }
    .label {
      font-size: 11px;
      fill: var(--dvc-primary-dark);
    }
    .transitions {
      margin-top: 0.75rem;
    }
    .transitions ul {
      margin: 0.5rem 0 0;
      padding-left: 1.25rem;
    }
  `,
})
export class WorkflowGraphView {
  readonly graph = input.required<WorkflowGraphDto>();
  /** What the graph is of, e.g. "quy trình mot-cua.mac-dinh phiên bản 2". */
  readonly heading = input('quy trình');
  protected readonly id = `wf-graph-${++seq}`;
  protected readonly W = W;
  protected readonly H = H;

  protected readonly size = computed(() => ({
    w: PAD * 2 + (this.graph().columns - 1) * COL + W,
    h: PAD * 2 + (this.graph().rows - 1) * ROW + H + 40,
  }));

  protected readonly boxes = computed<Box[]>(() =>
    this.graph().nodes.map((node) => ({
      node,
      x: PAD + node.column * COL,
      y: PAD + node.row * ROW,
      name: wrap(node.name, 26, 2),
      owner: node.ownerLabel ? wrap(node.ownerLabel, 34, 1)[0]! : null,
    })),
  );

  /** One arrow per pair of steps, its actions' labels joined. */
  protected readonly arrows = computed<Arrow[]>(() => {
    const at = new Map(this.boxes().map((b) => [b.node.id, b]));
    const pairs = new Map<string, { from: Box; to: Box; labels: string[] }>();
    for (const e of this.graph().edges) {
      const key = `${e.from}\u0000${e.to}`;
      const pair = pairs.get(key);
      if (pair) pair.labels.push(e.label);
      else pairs.set(key, { from: at.get(e.from)!, to: at.get(e.to)!, labels: [e.label] });
    }
    return [...pairs.entries()].map(([key, { from, to, labels }]) => {
      // Many actions on one arrow (a step's own side states) are summed up; the list below has them all.
      const label = labels.length <= 2 ? labels.join(', ') : `${labels.length} thao tác`;
      const title = labels.join(', ');
      const lw = label.length * 5.6 + 10;
      let d: string;
      let lx: number;
      let ly: number;
      if (from === to) {
        // A loop over the box's top edge.
        const x1 = from.x + W * 0.3;
        const x2 = from.x + W * 0.7;
        d = `M ${x1} ${from.y} C ${x1} ${from.y - 40}, ${x2} ${from.y - 40}, ${x2} ${from.y}`;
        lx = from.x + W / 2;
        ly = from.y - 34;
      } else if (to.node.column > from.node.column) {
        const x1 = from.x + W;
        const y1 = from.y + H / 2;
        const x2 = to.x;
        const y2 = to.y + H / 2;
        const dx = (x2 - x1) / 2;
        d = `M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`;
        lx = (x1 + x2) / 2;
        ly = (y1 + y2) / 2 - 4;
      } else if (to.node.column === from.node.column) {
        // Within a column: around the right-hand side.
        const x = from.x + W;
        const y1 = from.y + H / 2 + 8;
        const y2 = to.y + H / 2 - 8;
        d = `M ${x} ${y1} C ${x + 44} ${y1}, ${x + 44} ${y2}, ${x} ${y2}`;
        lx = x + 33;
        ly = (y1 + y2) / 2;
      } else {
        // Backwards: under the boxes.
        const x1 = from.x + W / 2 - 20;
        const y1 = from.y + H;
        const x2 = to.x + W / 2 + 20;
        const y2 = to.y + H;
        const low = Math.max(y1, y2) + 46;
        d = `M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2}`;
        lx = (x1 + x2) / 2;
        ly = low - 8;
      }
      return { key, d, label, title, lx, ly, lw };
    });
  });

  protected readonly description = computed(() => {
    const g = this.graph();
    const steps = g.nodes.map((n) => n.name).join(', ');
    return `${g.nodes.length} bước: ${steps}. ${g.edges.length} chuyển tiếp, liệt kê dạng văn bản ngay dưới sơ đồ.`;
  });

  protected nameOf(stepId: string): string {
    return this.graph().nodes.find((n) => n.id === stepId)?.name ?? stepId;
  }

  protected pct(share: number): string {
    return `${Math.round(share * 100)}% thời hạn`;
  }
}
