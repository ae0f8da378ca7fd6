/**
 * What each hostname was served with, over time, so a test can assert after the fact that no hostname
 * ever went without an active client certificate (the promise of a zero-downtime rotation). Every
 * applied change of PUT …/hostnames is written down with the time its certificate takes over.
 */
export interface AssociationEvent {
  readonly zoneId: string;
  readonly hostname: string;
  /** When Cloudflare accepted the change. */
  readonly at: number;
  readonly certId: string;
  /** true/false enable or disable; null invalidates (the hostname stops being served). */
  readonly enabled: boolean | null;
  /** When certId starts serving the hostname (after pending_deployment); `at` for an immediate change. */
  readonly activeAt: number;
}

export interface Serving {
  readonly certId: string;
  readonly enabled: boolean;
}

export interface ServiceGap {
  readonly from: number;
  /** Infinity while the gap lasts. */
  readonly to: number;
  /** The certificate that was there but disabled, if any. */
  readonly disabledCertId?: string;
}

const key = (zoneId: string, hostname: string) => `${zoneId} ${hostname}`;

export class AssociationHistory {
  private readonly events = new Map<string, AssociationEvent[]>();

  add(event: AssociationEvent): void {
    const list = this.events.get(key(event.zoneId, event.hostname)) ?? [];
    list.push(event);
    this.events.set(key(event.zoneId, event.hostname), list);
  }

  has(zoneId: string, hostname: string): boolean {
    return this.events.has(key(zoneId, hostname));
  }

  of(zoneId: string, hostname: string): readonly AssociationEvent[] {
    return this.events.get(key(zoneId, hostname)) ?? [];
  }

  /** Hostnames with any recorded change in the zone. */
  hostnames(zoneId: string): string[] {
    return [...this.events.values()].filter((list) => list[0].zoneId === zoneId).map((list) => list[0].hostname);
  }

  /** The certificate serving the hostname at time t: the old one keeps serving until a move is deployed. */
  servingAt(zoneId: string, hostname: string, t: number): Serving | undefined {
    let current: Serving | undefined;
    let pending: (Serving & { activeAt: number }) | undefined;
    for (const event of this.of(zoneId, hostname)) {
      if (event.at > t) {
        break;
      }
      if (pending && pending.activeAt <= event.at) {
        current = { certId: pending.certId, enabled: pending.enabled };
        pending = undefined;
      }
      if (event.enabled === null) {
        current = undefined;
        pending = undefined;
      } else if (event.activeAt <= event.at) {
        current = { certId: event.certId, enabled: event.enabled };
        pending = undefined;
      } else {
        pending = { certId: event.certId, enabled: event.enabled, activeAt: event.activeAt };
      }
    }
    if (pending && pending.activeAt <= t) {
      current = { certId: pending.certId, enabled: pending.enabled };
    }
    return current;
  }

  /**
   * The stretches, from the first moment the hostname was served up to `until`, when no enabled
   * certificate served it. Empty for a hostname that was served without interruption.
   */
  gaps(zoneId: string, hostname: string, until: number): ServiceGap[] {
    const times = [...new Set(this.of(zoneId, hostname).flatMap((event) => [event.at, event.activeAt]))]
      .filter((time) => time <= until)
      .sort((a, b) => a - b);
    const gaps: ServiceGap[] = [];
    let served = false;
    for (const [index, time] of times.entries()) {
      const serving = this.servingAt(zoneId, hostname, time);
      const up = serving?.enabled === true;
      served ||= up;
      if (!served || up) {
        continue;
      }
      const to = times[index + 1] ?? Infinity;
      const last = gaps.at(-1);
      if (last && last.to === time && last.disabledCertId === serving?.certId) {
        gaps[gaps.length - 1] = { ...last, to };
      } else {
        gaps.push({ from: time, to, ...(serving ? { disabledCertId: serving.certId } : {}) });
      }
    }
    return gaps;
  }
}
