/**
 * Waits until `check` holds, asking again every `everyMs`, or fails after `timeoutMs` saying what it
 * waited for. For conditions the browser cannot await (the emulator's log and state, files the
 * workbench writes); what the page shows is awaited through Playwright's own waiting instead.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    }
    // A poll interval, not a wait for time to pass: the condition is asked again.
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
