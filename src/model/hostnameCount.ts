import * as l10n from '@vscode/l10n';
import { Emitter } from './emitter';

/** How many custom hostnames the scan has counted, of how many Cloudflare says there are. */
export interface HostnameTally {
  readonly counted: number;
  /** From each zone's result_info.total_count; zones that did not say count what has loaded. */
  readonly expected: number;
  /** Every zone's list loaded whole: only then is `counted` the account's count. */
  readonly complete: boolean;
}

interface ZoneTally {
  counted: number;
  expected: number | undefined;
  done: boolean;
  whole: boolean;
}

/**
 * The custom hostnames counted so far, page by page as they arrive, so a scan that the rate budget
 * stretches over many minutes can say how far it has come rather than claim a count it lacks.
 */
export class HostnameCount {
  private readonly zones = new Map<string, ZoneTally>();
  private readonly changes = new Emitter<void>();
  readonly onDidChange = this.changes.event;

  /** A zone's load starts: what an earlier load counted no longer stands. */
  started(zoneId: string): void {
    this.zones.set(zoneId, { counted: 0, expected: undefined, done: false, whole: false });
    this.changes.fire();
  }

  page(zoneId: string, items: number, totalCount: number | undefined): void {
    const zone = this.zones.get(zoneId);
    if (zone && !zone.done) {
      zone.counted += items;
      zone.expected ??= totalCount;
      this.changes.fire();
    }
  }

  /** The zone's load settled: `counted` is what the list holds, `whole` false when pages are missing. */
  settled(zoneId: string, counted: number, whole: boolean): void {
    const zone = this.zones.get(zoneId);
    if (zone) {
      Object.assign(zone, { counted, done: true, whole, expected: whole ? counted : zone.expected });
      this.changes.fire();
    }
  }

  forget(zoneId?: string): void {
    if (zoneId === undefined) {
      this.zones.clear();
    } else {
      this.zones.delete(zoneId);
    }
    this.changes.fire();
  }

  tally(): HostnameTally {
    let counted = 0;
    let expected = 0;
    let complete = true;
    for (const zone of this.zones.values()) {
      counted += zone.counted;
      expected += Math.max(zone.expected ?? zone.counted, zone.counted);
      complete &&= zone.done && zone.whole;
    }
    return { counted, expected, complete };
  }

  dispose(): void {
    this.changes.dispose();
  }
}

/** "counted 300,000 of 500,000 custom hostnames; continuing": never a complete count it lacks. */
export function hostnameTallyText(tally: HostnameTally, continuing: boolean): string {
  const number = (value: number) => value.toLocaleString('en-US');
  if (tally.complete) {
    return tally.counted === 1
      ? l10n.t('counted all 1 custom hostname')
      : l10n.t('counted all {0} custom hostnames', number(tally.counted));
  }
  return continuing
    ? l10n.t('counted {0} of {1} custom hostnames; continuing', number(tally.counted), number(tally.expected))
    : l10n.t('counted {0} of {1} custom hostnames', number(tally.counted), number(tally.expected));
}
