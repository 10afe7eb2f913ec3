import { DesignSystem, type SystemModules, type SystemSpec } from '../system/systemRuntime';

/**
 * The version-2 runtime monitor's core: `export --to monitor` emits this file's text verbatim
 * (importing `./system`), bound to one design. It reads what the running instances did, one
 * observed step per line, labelled by instance as the studio's simulator labels steps:
 *
 *   RM[2] Vote(value=yes)          an event (timer or internal) an instance took
 *   TM receive Vote(value=yes) from RM[2]   an instance took a message (`(ignored)`, a dedupe note may follow)
 *   RM[2] sent Vote(value=yes) to TM        a message an instance sent (optional: checked when logged)
 *   crash TM / restart TM          an instance died / came back from its store
 *   drop Commit TM→RM[1] / duplicate …      network faults, when the network shows them
 *
 * It keeps the design's configuration (the running system of `system.ts`: every instance, the
 * network, the budgets used) and takes each observed step in it: a step the design does not
 * allow there is reported and not taken; an invariant that stops holding is reported once, until
 * it holds again. On first-in-first-out channels a message received past others is read as the
 * network having dropped those, within the design's drop budget. Memory stays bounded: the
 * configuration, the last sends of each instance and the last `maxTrace` steps (the evidence).
 */

export type MonitorReportKind = 'not-allowed' | 'invariant' | 'send' | 'missing-send' | 'bad-line';

export interface MonitorReport {
  readonly kind: MonitorReportKind;
  /** The line number given with the observed text (1-based; 0 when none was given). */
  readonly line: number;
  /** The observed text (for `invariant`: the step after which it broke; for `missing-send`: the step that came before it). */
  readonly text: string;
  /** The invariant's name; the instance for the others. */
  readonly name: string;
  readonly message: string;
  /** The last steps taken (at most `maxTrace`), as the studio's simulator labels them. */
  readonly trace: readonly string[];
}

export interface MonitorOptions {
  /** Steps kept as evidence. Default 50. */
  readonly maxTrace?: number;
  /** The log shows every message sent (`X sent M to Y`): a send the design makes but the log lacks is reported. Default false. */
  readonly sendsLogged?: boolean;
  /**
   * The initial configuration the system began in (0-based, `INITIAL_CONFIGURATIONS` of initial.ts;
   * the command line's `--start K` is K - 1). Needed when the design has several: the log alone
   * cannot say, and following another would report allowed steps as not allowed.
   */
  readonly start?: number;
}

/** A message an instance's step sent, as labels show it (`Vote(value=yes)`) and where it went. */
export interface MonitoredSend {
  readonly text: string;
  readonly to: string;
}

/** One step the design allows now: its label, the instance it moves (none for the network's), taking it. */
export interface MonitoredStep {
  readonly label: string;
  readonly effect: { readonly kind: 'network' } | { readonly kind: 'input' | 'crash' | 'restart'; readonly instance: string };
  readonly take: () => Promise<unknown>;
}

/**
 * What the monitor needs of the design it follows: the running system of `system.ts` (the
 * exported modules) in an export, the engine itself on the command line (`monitor DESIGN LOG`).
 */
export interface MonitoredSystem {
  enabled(): Promise<readonly MonitoredStep[]>;
  /** First-in-first-out channels: drops the messages ahead of the one `label` receives, within the budget; true when it did. */
  dropAheadOf(instance: string, label: string): boolean;
  /** The messages the instance's last step sent. */
  sentTexts(instance: string): readonly MonitoredSend[];
  /** Names of the state invariants that do not hold now. */
  violations(): string[];
  view(): { readonly instances: readonly { readonly name: string; readonly state: string; readonly recovering: boolean; readonly vars: Readonly<Record<string, unknown>> }[]; readonly network: readonly string[]; readonly used: { readonly crashes: number; readonly drops: number; readonly duplicates: number } };
}

/** Longest line read (a longer one is a bad line). */
export const MAX_LINE = 4096;

const SENT = /^(\S+) sent (.+) to (\S+)$/;

export class StepMonitor {
  private readonly trace: string[] = [];
  private broken = new Set<string>();
  /** Per instance: the messages its last step sent that the log has not shown yet. */
  private readonly pending = new Map<string, MonitoredSend[]>();
  /** Lines read, steps taken, reports made. */
  readonly counts = { lines: 0, steps: 0, reports: 0 };

  private constructor(
    private readonly sys: MonitoredSystem,
    private readonly options: MonitorOptions,
  ) {}

  /** A monitor in the design's initial configuration (\`options.start\` when it has several). */
  static async start(spec: SystemSpec, modules: SystemModules, options: MonitorOptions = {}): Promise<StepMonitor> {
    return StepMonitor.following(await DesignSystem.start(spec, modules, options.start), options);
  }

  /** A monitor of `system`, from where it is now. */
  static following(system: MonitoredSystem, options: MonitorOptions = {}): StepMonitor {
    const monitor = new StepMonitor(system, options);
    monitor.broken = new Set(system.violations());
    return monitor;
  }

  /** The design's configuration as the monitor holds it now. */
  view(): ReturnType<MonitoredSystem['view']> {
    return this.sys.view();
  }

  private report(kind: MonitorReportKind, line: number, text: string, name: string, message: string): MonitorReport {
    this.counts.reports++;
    return { kind, line, text, name, message, trace: [...this.trace] };
  }

  /** The lines read so far, in order: each waits for the one before (a caller need not await each). */
  private queue: Promise<unknown> = Promise.resolve();

  /** Reads one observed line; what it broke (empty: the design allows it). Blank lines and `#` comments are skipped. */
  observe(text: string, line = 0): Promise<MonitorReport[]> {
    const next = this.queue.then(() => this.read(text, line));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(text: string, line: number): Promise<MonitorReport[]> {
    this.counts.lines++;
    if (text.length > MAX_LINE) return [this.report('bad-line', line, text.slice(0, 80), '', `a line longer than ${MAX_LINE} characters`)];
    const observed = text.trim();
    if (observed === '' || observed.startsWith('#')) return [];
    const sent = SENT.exec(observed);
    if (sent) return this.observeSend(line, observed, sent[1]!, sent[2]!, sent[3]!);
    return this.observeStep(line, observed);
  }

  private observeSend(line: number, text: string, from: string, message: string, to: string): MonitorReport[] {
    const pending = this.pending.get(from) ?? [];
    const k = pending.findIndex((m) => m.to === to && m.text === message);
    if (k >= 0) {
      pending.splice(k, 1);
      return [];
    }
    const expected = pending.map((m) => `${m.text} to ${m.to}`);
    return [this.report('send', line, text, from, `${from} sent ${message} to ${to}, which its last step does not send${expected.length ? ` (still due: ${expected.join(', ')})` : ''}`)];
  }

  private match(steps: readonly MonitoredStep[], text: string): MonitoredStep | undefined {
    const exact = steps.find((s) => s.label === text);
    if (exact) return exact;
    // The suffix in parentheses (the transition of a restart, `(ignored)`, a dedupe note) is the design's to add.
    const close = steps.filter((s) => s.label.startsWith(`${text} (`));
    return close.length === 1 ? close[0] : undefined;
  }

  private async observeStep(line: number, text: string): Promise<MonitorReport[]> {
    let steps = await this.sys.enabled();
    let step = this.match(steps, text);
    const receiver = / receive /.exec(text) ? text.slice(0, text.indexOf(' ')) : null;
    if (!step && receiver !== null && this.sys.dropAheadOf(receiver, text)) {
      steps = await this.sys.enabled();
      step = this.match(steps, text);
    }
    const instance = text.startsWith('crash ') || text.startsWith('restart ') ? text.split(' ')[1]! : text.slice(0, text.indexOf(' '));
    if (!step) {
      const own = steps.filter((s) => s.effect.kind !== 'network' && s.effect.instance === instance).map((s) => s.label);
      const shown = own.slice(0, 8).join('; ') + (own.length > 8 ? `; and ${own.length - 8} more` : '');
      return [this.report('not-allowed', line, text, instance, `the design does not allow "${text}" here${own.length ? `; ${instance} may: ${shown}` : ''}`)];
    }
    const out: MonitorReport[] = [];
    const effect = step.effect;
    if (effect.kind !== 'network') {
      const due = this.pending.get(effect.instance) ?? [];
      if (this.options.sendsLogged) for (const m of due) out.push(this.report('missing-send', line, text, effect.instance, `${effect.instance} never sent ${m.text} to ${m.to}, which its previous step sends`));
    }
    await step.take();
    this.counts.steps++;
    this.trace.push(step.label);
    if (this.trace.length > (this.options.maxTrace ?? 50)) this.trace.shift();
    if (effect.kind !== 'network') this.pending.set(effect.instance, [...this.sys.sentTexts(effect.instance)]);
    const now = new Set(this.sys.violations());
    for (const name of now) if (!this.broken.has(name)) out.push(this.report('invariant', line, text, name, `invariant "${name}" does not hold after ${step.label}`));
    this.broken = now;
    return out;
  }
}
