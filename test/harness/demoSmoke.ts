/**
 * What "the demo works" means, checked the way a person would find out: the printed URL loads, and
 * the emulator hands demo-token its zones. Throws with the reason; resolves to a one-line summary.
 */
export async function smokeCheck(
  workbenchUrl: string,
  emulatorBaseUrl: string,
  signal?: AbortSignal,
  fetcher: typeof fetch = fetch,
): Promise<string> {
  const page = await fetcher(workbenchUrl, { signal });
  if (page.status !== 200) {
    throw new Error(`the workbench answered ${page.status} at ${workbenchUrl}`);
  }
  const zones = await fetcher(`${emulatorBaseUrl}/zones`, { signal, headers: { Authorization: 'Bearer demo-token' } });
  const body = (await zones.json().catch(() => undefined)) as { success?: unknown; result?: unknown } | undefined;
  if (zones.status !== 200 || body?.success !== true || !Array.isArray(body.result)) {
    throw new Error(`GET ${emulatorBaseUrl}/zones with demo-token answered ${zones.status} ${JSON.stringify(body)?.slice(0, 200)}`);
  }
  if (body.result.length === 0) {
    throw new Error(`GET ${emulatorBaseUrl}/zones with demo-token listed no zones`);
  }
  return `workbench 200 at ${workbenchUrl}; emulator listed ${body.result.length} zone(s) for demo-token`;
}
