import type { Violation } from '../../engine/violation';
import type { RunEvent } from '../../engine/runEvent';
import { estimateWidth, fitText, type Measure } from './textFit';

/**
 * Lays a run out as a sequence diagram: one lane per client request, one for the network, one
 * for the machine; one row per step, with row 0 the initial configuration. Given the width it
 * has, the lanes narrow to fit it and every text is fitted to its room (cut, with a title).
 * Pure: the component only draws what this returns, so the picture is tested without a browser.
 */

export interface Lane {
  readonly id: string;
  /** The lane's name, cut to fit the room it has; `title` keeps the whole name. */
  readonly text: string;
  readonly title?: string;
  readonly x: number;
  /** Baseline of the name: in a narrow diagram names alternate between two lines, so each has two gaps. */
  readonly textY: number;
}

/** Markers for things that are not a message: the timeout is its own glyph, never a failure cross. */
export type Glyph = 'hourglass' | 'ambiguous' | 'cross' | 'bolt' | 'restart' | 'disk' | 'double' | 'spark';

export type Tone = 'normal' | 'retry' | 'ok' | 'error' | 'fault';

/** A shape's words, placed and fitted into the room its row leaves them. */
export interface Placed {
  /** The text as drawn: cut with an ellipsis when it did not fit. */
  readonly text: string;
  /** The whole text, when `text` was cut (drawn as a tooltip). */
  readonly title?: string;
  readonly textX: number;
  readonly textY: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface Arrow extends Placed {
  readonly kind: 'arrow';
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly tone: Tone;
}

export interface Marker extends Placed {
  readonly kind: 'marker';
  readonly x: number;
  readonly y: number;
  readonly glyph: Glyph;
  readonly tone: Tone;
}

export type Shape = Arrow | Marker;

export interface Row {
  /** 0 for the initial configuration, else the step's 1-based index. */
  readonly index: number;
  readonly y: number;
  readonly top: number;
  /** Accessible name, e.g. `step 3: deliver Charge#1`. */
  readonly name: string;
  readonly shapes: readonly Shape[];
  /** The machine's state after the row, shown beside the machine lane (fitted to the state column). */
  readonly stateText: string;
  readonly stateTitle?: string;
  readonly violated: boolean;
  /**
   * The line under the state, cut to fit: what broke on a violated row (`title` says it all),
   * else the machine's mode when it is not up (`busy`, `recovering`).
   */
  readonly subline?: { readonly text: string; readonly title?: string; readonly violation: boolean };
}

/** A stretch of rows during which the machine stayed in one state and mode. */
export interface StateBand {
  readonly state: string;
  readonly mode: RunEvent['modeAfter'];
  readonly y1: number;
  readonly y2: number;
}

export interface SequenceLayout {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly Lane[];
  readonly rows: readonly Row[];
  readonly bands: readonly StateBand[];
  readonly laneTop: number;
}

export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 36;
/** Left of the first lane: room for the row numbers. */
const MARGIN_LEFT = 36;
/** Texts start right of the row numbers. */
const TEXT_LEFT = 24;
/** Lane spacing: as wide as is comfortable, as narrow as a lane label stays readable. */
const MAX_GAP = 105;
const MIN_GAP = 48;
/** The column right of the machine lane that shows its state. */
const MAX_STATE_COLUMN = 112;
const MIN_STATE_COLUMN = 84;
/** Room a marker's circle takes beside its lane. */
const MARKER_ROOM = 12;
/** The state's text starts this far right of the machine lane, clear of its band. */
export const STATE_INSET = 9;

export interface RunStart {
  /** Request ids of the run's clients, 1..requests. */
  readonly requests: readonly number[];
  readonly requestLabel?: (r: number) => string;
  readonly initialState: string;
}

export interface LayoutOptions {
  /**
   * The width the diagram should fit in px. The lanes narrow down to a readable minimum; only
   * past it (very many requests) is the diagram wider, so it scrolls. Absent: the roomy spacing.
   */
  readonly width?: number;
  /** Measures the diagram's texts; an estimate by default. */
  readonly measure?: Measure;
}

/** Lane spacing and state column for `lanes` lanes in `width` px. */
function spacing(lanes: number, width: number | undefined): { gap: number; stateColumn: number } {
  if (width === undefined) return { gap: MAX_GAP, stateColumn: MAX_STATE_COLUMN };
  const gaps = lanes - 1;
  const room = width - MARGIN_LEFT;
  // The state column gives way first, down to its minimum, so the lanes keep their minimum gap.
  const stateColumn = Math.min(MAX_STATE_COLUMN, Math.max(MIN_STATE_COLUMN, room - gaps * MIN_GAP));
  const gap = Math.min(MAX_GAP, Math.max(MIN_GAP, Math.floor((room - stateColumn) / gaps)));
  return { gap, stateColumn };
}

/** Lays out `events` (in order, index 1..n) after the initial configuration of `start`. */
export function layoutSequence(start: RunStart, events: readonly RunEvent[], options: LayoutOptions = {}): SequenceLayout {
  const measure = options.measure ?? estimateWidth;
  const requests = start.requests.length > 0 ? start.requests : [1];
  const label = start.requestLabel ?? ((r: number) => `request ${r}`);
  const { gap, stateColumn } = spacing(requests.length + 2, options.width);
  const names = [...requests.map(label), 'network', 'machine'];
  // A lane name is centred on its lane. When one is wider than a gap, the names alternate
  // between two lines and each gets two gaps; the first is held by the left edge either way.
  const staggered = names.some((n) => measure(n, true) > gap - 6);
  const lanes: Lane[] = names.map((name, i) => {
    const room = (staggered ? 2 * gap : gap) - 6;
    return {
      id: i < requests.length ? `client-${requests[i]!}` : name,
      x: MARGIN_LEFT + i * gap,
      textY: staggered ? (i % 2 === 1 ? 27 : 13) : 16,
      ...fitText(name, i === 0 ? Math.min(room, 2 * MARGIN_LEFT - 2) : room, measure, true),
    };
  });
  const networkX = MARGIN_LEFT + requests.length * gap;
  const machineX = networkX + gap;
  const clientX = (r: number | undefined): number => {
    const i = r === undefined ? 0 : requests.indexOf(r);
    return MARGIN_LEFT + Math.max(0, i) * gap;
  };
  const geometry: Geometry = { networkX, machineX, measure };
  const stateRoom = stateColumn - STATE_INSET - 2;

  const rowY = (i: number) => HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
  const rows: Row[] = [
    {
      index: 0,
      y: rowY(0),
      top: rowY(0) - ROW_HEIGHT / 2,
      name: 'step 0: start',
      shapes: [],
      ...stateOf(start.initialState, stateRoom, measure, false),
      violated: false,
    },
  ];
  events.forEach((e, i) => {
    const y = rowY(i + 1);
    const violations = e.violations ?? [];
    const violated = violations.length > 0;
    rows.push({
      index: e.index,
      y,
      top: y - ROW_HEIGHT / 2,
      name: `step ${e.index}: ${e.label}`,
      shapes: shapesOf(e, y, clientX(e.request), geometry),
      // The mode goes on the second line, unless a violation needs it.
      ...stateOf(violated && e.modeAfter !== 'up' ? `${e.stateAfter} (${e.modeAfter})` : e.stateAfter, stateRoom, measure, violated),
      violated,
      ...(violated
        ? { subline: violationLine(violations, stateRoom, measure) }
        : e.modeAfter !== 'up'
          ? { subline: { ...fitText(e.modeAfter, stateRoom, measure), violation: false } }
          : {}),
    });
  });

  const bands: StateBand[] = [];
  const states = [{ state: start.initialState, mode: 'up' as const }, ...events.map((e) => ({ state: e.stateAfter, mode: e.modeAfter }))];
  states.forEach((s, i) => {
    const last = bands[bands.length - 1];
    const y1 = rowY(i) - ROW_HEIGHT / 2;
    const y2 = y1 + ROW_HEIGHT;
    if (last && last.state === s.state && last.mode === s.mode) bands[bands.length - 1] = { ...last, y2 };
    else bands.push({ state: s.state, mode: s.mode, y1, y2 });
  });

  return {
    width: machineX + stateColumn,
    height: HEADER_HEIGHT + rows.length * ROW_HEIGHT + 8,
    lanes,
    rows,
    bands,
    laneTop: HEADER_HEIGHT - 6,
  };
}

function stateOf(text: string, room: number, measure: Measure, bold: boolean): { stateText: string; stateTitle?: string } {
  const fitted = fitText(text, room, measure, bold);
  return fitted.title === undefined ? { stateText: fitted.text } : { stateText: fitted.text, stateTitle: fitted.title };
}

/** `⚠ replay Charge` (+ how many more); the title lists each violation with its detail. */
function violationLine(violations: readonly Violation[], room: number, measure: Measure): NonNullable<Row['subline']> {
  const first = violations[0]!;
  const more = violations.length > 1 ? ` +${violations.length - 1}` : '';
  const whileComputed = violations.some((v) => v.step);
  const lines = violations.map((v) => `${v.kind} ${v.name}: ${v.detail}`);
  const title = whileComputed ? ['This step violates while it is computed: it produces no configuration.', ...lines].join('\n') : lines.join('\n');
  return { text: fitText(`⚠ ${first.kind} ${first.name}${more}`, room, measure).text, title, violation: true };
}

interface Geometry {
  readonly networkX: number;
  readonly machineX: number;
  readonly measure: Measure;
}

/** Places `text` centred on `x`, kept inside [left, right] and cut to fit it. */
function centred(text: string, x: number, textY: number, left: number, right: number, measure: Measure): Placed {
  const fitted = fitText(text, right - left, measure);
  const half = Math.min(measure(fitted.text), right - left) / 2;
  return { ...fitted, textX: Math.min(Math.max(x, left + half), right - half), textY, anchor: 'middle' };
}

function shapesOf(e: RunEvent, y: number, clientX: number, g: Geometry): Shape[] {
  const { networkX, machineX, measure } = g;
  const right = machineX - 6;
  // An arrow's words sit above its middle; the rest of the row is free, so they may spread out.
  const arrow = (x1: number, x2: number, text: string, tone: Tone = 'normal'): Arrow => ({
    kind: 'arrow',
    x1,
    x2,
    y,
    tone,
    ...centred(text, (x1 + x2) / 2, y - 2, TEXT_LEFT, right, measure),
  });
  // A machine marker writes to its left (the state is on its right); any other writes above
  // itself, like an arrow, where the row is free.
  const marker = (x: number, glyph: Glyph, text: string, tone: Tone = 'normal'): Marker => {
    const base = { kind: 'marker' as const, x, y, glyph, tone };
    if (x !== machineX) return { ...base, ...centred(text, x, y - 10, TEXT_LEFT, right, measure) };
    return { ...base, ...fitText(text, x - MARKER_ROOM - TEXT_LEFT, measure), textX: x - MARKER_ROOM, textY: y + 4, anchor: 'end' };
  };
  const req = e.request === undefined ? '' : `#${e.request}`;
  switch (e.kind) {
    case 'send':
      return [arrow(clientX, networkX, `send ${req}`)];
    case 'timeout':
      // The third outcome: the client cannot tell slow from lost. An hourglass, not a cross.
      return e.retried === false
        ? [marker(clientX, 'ambiguous', 'timeout: ambiguous', 'fault')]
        : [marker(clientX, 'hourglass', ''), arrow(clientX, networkX, `retry ${req}`, 'retry')];
    case 'deliver':
      return [arrow(networkX, machineX, e.note ? `deliver ${req} (${e.note})` : `deliver ${req}`)];
    case 'ack':
      return [arrow(machineX, networkX, `ack ${req}: ${e.reply ?? 'reply'}`, e.reply === 'error' ? 'error' : 'ok')];
    case 'persist':
      return [marker(machineX, 'disk', `persist ${req}`)];
    case 'receive':
      return [arrow(networkX, clientX, `receive ${e.reply ?? ''}`.trim(), e.reply === 'error' ? 'error' : 'ok')];
    case 'drop':
      return [marker(networkX, 'cross', `drop ${messageText(e)}`, 'fault')];
    case 'duplicate':
      return [marker(networkX, 'double', `duplicate ${messageText(e)}`, 'fault')];
    case 'fire':
      return [marker(machineX, 'spark', e.label)];
    case 'crash':
      return [marker(machineX, 'bolt', 'crash', 'fault')];
    case 'restart':
      return [marker(machineX, 'restart', 'restart')];
  }
}

function messageText(e: RunEvent): string {
  const req = e.request === undefined ? '' : `#${e.request}`;
  if (e.channel === 'toClient') return `reply ${req}${e.reply ? ` ${e.reply}` : ''}`;
  return `request ${req}`;
}
