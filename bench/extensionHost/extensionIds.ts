/** Ours: the bench copy keeps the published id, so the probe finds it by the same name. */
export const OUR_ID = 'cfcerts.cloudflare-certificates';
/** An extension whose activate() does nothing: what VS Code itself adds to any activation. */
export const BASELINE_ID = 'cfcerts-bench.activation-baseline';
/** The same empty extension under another name, activated first to pay the host's one-time costs. */
export const WARMUP_ID = 'cfcerts-bench.activation-warmup';
