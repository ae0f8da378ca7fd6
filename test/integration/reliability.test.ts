import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from '../emulator/emulator';
import { createCertificate } from '../fixtures/certificateFactory';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { ScriptedPrompts } from './support/scriptedPrompts';
import { child, rows, type Row } from './support/treeItems';

interface ApiZone {
  id: string;
  name: string;
}

const config = () => vscode.workspace.getConfiguration('cloudflareCertificates');

describe('Reliability and security', function () {
  let session: EmulatorSession;
  let zones: ApiZone[];
  const zone = (name: string) => zones.find((candidate) => candidate.name === name)!;
  const rootsEventually = (what: string, check: (roots: Row[]) => boolean) =>
    eventually(
      what,
      async () => {
        const roots = await rows(session.api);
        return check(roots) ? roots : undefined;
      },
      20_000,
    );

  /**
   * Reloads the tree each time `requests()` grows (a change reaching Cloudflare), until the change is
   * `finished` or five refreshes have started during it; each refresh waits for the zones (or the
   * rows of `node`). Hands back how many refreshes started while the change was unfinished.
   */
  async function refreshAtEach(requests: () => number, finished: () => boolean, node?: () => Promise<Row['node']>): Promise<number> {
    let seen = 0;
    let overlapping = 0;
    while (overlapping < 5) {
      await eventually("the change's next request", () => (finished() || requests() > seen ? true : undefined), 30_000);
      if (finished()) {
        return overlapping;
      }
      seen = requests();
      overlapping += 1;
      session.api.tree.reloadAll();
      await rows(session.api, node ? await node() : undefined);
    }
    return overlapping;
  }

  before(async () => {
    session = await startEmulatorSession();
    zones = await session.get<ApiZone[]>('/zones?per_page=50');
  });

  afterEach(async () => {
    session.emulator.faults.clear();
    session.emulator.latencyMs = 0;
    session.api.clients.setRequestTimeout(30_000);
    session.api.clients.limiter.setWindow(1_100, 300_000);
    await config().update('apiBaseUrl', session.emulator.baseUrl, vscode.ConfigurationTarget.Global);
    await session.api.tokens.set('demo-token');
    session.api.tree.reloadAll();
  });

  after(async () => {
    await session?.stop();
  });

  it('rides out a 429 storm with Retry-After and shows the right tree', async () => {
    await rootsEventually('the first load to settle', (list) => list.length === zones.length);
    session.emulator.faults.add({ kind: 'rateLimit', retryAfterSeconds: 1, path: '^/zones$', times: 3 });
    session.emulator.log.clear();
    session.api.tree.reloadAll();
    const roots = await rootsEventually(
      'zones after the storm',
      (list) => list.length === zones.length && list.every((row) => /^zone\b/.test(row.contextValue ?? '')),
    );
    assert.ok(roots.length > 0);
    const calls = session.emulator.log.entries().filter((entry) => entry.path === '/zones');
    assert.equal(calls.filter((entry) => entry.status === 429).length, 3);
    // Each retry waited for Retry-After (1 s) after the 429 it answered.
    const lastLimited = calls.filter((entry) => entry.status === 429).at(-1)!;
    const next = calls.find((entry) => entry.startedAt > lastLimited.startedAt && entry.status === 200)!;
    assert.ok(next.startedAt - lastLimited.endedAt >= 900, `retried after ${next.startedAt - lastLimited.endedAt} ms`);
  });

  it('rides out a 429 storm without Retry-After, backing off between tries', async () => {
    // The extension's own client, called directly with a second token, so the faults and the timings
    // are this call's alone and no refresh of the view can interleave.
    session.emulator.faults.add({ kind: 'rateLimit', retryAfterSeconds: null, path: '^/zones$', token: 'demo-account-token', times: 3 });
    const client = session.api.clients.forToken('demo-account-token');
    session.emulator.log.clear();
    const listed = await client.listZones();
    assert.deepEqual(
      listed.map((entry) => entry.name),
      zones.map((entry) => entry.name),
    );
    const calls = session.emulator.log.entries().filter((entry) => entry.path === '/zones' && entry.token === 'demo-account-token');
    assert.deepEqual(
      calls.map((entry) => entry.status),
      [429, 429, 429, 200],
    );
    // Backoff with jitter: at least half of 250 ms, 500 ms, 1 s.
    const gaps = calls.slice(1).map((entry, index) => entry.startedAt - calls[index].endedAt);
    [125, 250, 500].forEach((least, index) => assert.ok(gaps[index] >= least - 10, `waited ${gaps.join(', ')} ms`));
  });

  it('retries a 5xx burst on a read, and says "server error" in words when it outlasts the retries', async () => {
    const target = zone('example.com');
    const path = `/zones/${target.id}/origin_tls_client_auth/hostnames/certificates$`;
    const groupRow = async () => child(session.api, (await child(session.api, undefined, 'example.com')).node, 'Client Certificates (AOP)');
    session.emulator.faults.add({ kind: 'serverError', status: 503, path, times: 3 });
    session.api.tree.reload((await groupRow()).node);
    const recovered = await rows(session.api, (await groupRow()).node);
    assert.ok(
      recovered.length > 0 && recovered.every((row) => row.contextValue === 'aopCertificate'),
      recovered.map((row) => row.label).join(', '),
    );

    session.emulator.faults.add({ kind: 'serverError', status: 503, path, times: Infinity });
    session.api.tree.reload((await groupRow()).node);
    const [failed] = await rows(session.api, (await groupRow()).node);
    assert.equal(failed.contextValue, 'error');
    assert.match(failed.label, /server error \(503\)/);
    session.emulator.faults.clear();
    await vscode.commands.executeCommand(failed.item.command!.command, ...(failed.item.command!.arguments ?? []));
    const again = await rows(session.api, (await groupRow()).node);
    assert.deepEqual(
      again.map((row) => row.label),
      recovered.map((row) => row.label),
    );
  });

  it('gives up on a request that never answers, says it timed out, and loads once the API answers', async () => {
    session.api.clients.setRequestTimeout(500);
    await rootsEventually('the first load to settle', (list) => list.length === zones.length);
    session.emulator.faults.add({ kind: 'hang', path: '^/zones$', times: 1 });
    session.api.tree.reloadAll();
    await rootsEventually(
      'zones after one timed-out try',
      (list) => list.length === zones.length && list.every((row) => /^zone\b/.test(row.contextValue ?? '')),
    );
    session.emulator.faults.add({ kind: 'hang', path: '^/zones$', times: Infinity });
    session.api.tree.reloadAll();
    const [failed] = await rootsEventually('an error node', (list) => list[0]?.contextValue === 'error');
    assert.match(failed.label, /did not answer in time/);
    session.emulator.faults.clear();
    await vscode.commands.executeCommand(failed.item.command!.command, ...(failed.item.command!.arguments ?? []));
    await rootsEventually(
      'the zones again',
      (list) => list.length === zones.length && list.every((row) => /^zone\b/.test(row.contextValue ?? '')),
    );
  });

  it('says in the view when it pauses for the rate-limit budget, and resumes by itself', async () => {
    await rootsEventually('the first load to settle', (list) => list.length === zones.length);
    session.api.clients.limiter.setWindow(4, 1_500);
    session.api.tree.reloadAll();
    const loads = rows(session.api);
    const message = await eventually('the view to explain the pause', () => session.api.treeView.message || undefined, 5_000);
    assert.match(message, /Paused to stay under Cloudflare's rate limit .*resuming in about \d+ s/);
    await loads;
    await eventually('the message to go once requests flow', () => (session.api.treeView.message ? undefined : true), 20_000);
    await rootsEventually(
      'every zone',
      (list) => list.length === zones.length && list.every((row) => /^zone\b/.test(row.contextValue ?? '')),
    );
  });

  it('says in words what an HTML 502 page, malformed JSON and a body cut mid-way were, and recovers', async () => {
    const target = zone('example.com');
    const expected = {
      htmlError: /server error \(502\)/,
      malformedJson: /answer could not be read/,
      notEnvelope: /answer could not be read \(the body is not the API v4 envelope\)/,
    };
    for (const kind of ['htmlError', 'malformedJson', 'notEnvelope'] as const) {
      session.emulator.faults.add({ kind, path: `/zones/${target.id}/origin_tls_client_auth/hostnames/certificates$`, times: Infinity });
      const group = await child(session.api, (await child(session.api, undefined, 'example.com')).node, 'Client Certificates (AOP)');
      session.api.tree.reload(group.node);
      const [failed] = await rows(session.api, group.node);
      assert.equal(failed.contextValue, 'error', kind);
      assert.match(failed.label, expected[kind], failed.label);
      assert.doesNotMatch(failed.label, /<html|DOCTYPE|\{"/);
      session.emulator.faults.clear();
    }
    session.emulator.faults.add({
      kind: 'dropMidBody',
      path: `/zones/${target.id}/origin_tls_client_auth/hostnames/certificates$`,
      times: 1,
    });
    const group = await child(session.api, (await child(session.api, undefined, 'example.com')).node, 'Client Certificates (AOP)');
    session.api.tree.reload(group.node);
    const recovered = await rows(session.api, group.node);
    assert.ok(
      recovered.every((row) => row.contextValue === 'aopCertificate'),
      'a dropped GET is retried',
    );
  });

  it('never shows part of a list as all of it when a page fails mid-pagination', async () => {
    const saas = zone('saas-platform.net');
    const before = session.emulator.state.customHostnamesOf(saas.id).length;
    for (let index = 0; index < 1100 - before; index += 1) {
      session.emulator.state.addCustomHostname(saas.id, `bulk-${index}.tenant.example`);
    }
    session.emulator.faults.add({ kind: 'serverError', status: 500, path: '/custom_hostnames$', query: 'page=2', times: Infinity });
    const groupRow = async () => child(session.api, (await child(session.api, undefined, 'saas-platform.net')).node, 'Custom Hostnames');
    session.api.tree.reload((await groupRow()).node);
    // The group pages on its own (its count is Cloudflare's); the whole list, reloaded in the background, says what it lacks.
    const partial = await eventually('the whole list to settle with a page missing', async () => {
      const shown = await rows(session.api, (await groupRow()).node);
      return shown[0]?.contextValue === 'error' ? shown : undefined;
    });
    assert.match(partial[0].label, /^Only 1000 of 1100 custom hostnames loaded: /);
    assert.equal((await groupRow()).description, '1,100');
    session.emulator.faults.clear();
    await vscode.commands.executeCommand(partial[0].item.command!.command, ...(partial[0].item.command!.arguments ?? []));
    assert.equal((await groupRow()).description, '1,100');
  });

  it('says the API cannot be reached while it is down, and shows the tree once it is back', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await config().update('apiBaseUrl', `http://127.0.0.1:${port}/client/v4`, vscode.ConfigurationTarget.Global);
    const [down] = await rootsEventually('an error node', (list) => list[0]?.contextValue === 'error');
    assert.match(down.label, /could not be reached/);
    await config().update('apiBaseUrl', session.emulator.baseUrl, vscode.ConfigurationTarget.Global);
    await rootsEventually(
      'the zones again',
      (list) => list.length === zones.length && list.every((row) => /^zone\b/.test(row.contextValue ?? '')),
    );
  });

  it('keeps the tree consistent through overlapping refreshes, sharing the requests in flight', async () => {
    session.emulator.latencyMs = 30;
    try {
      session.emulator.log.clear();
      const loads = [];
      for (let index = 0; index < 10; index += 1) {
        session.api.tree.reloadAll();
        loads.push(rows(session.api));
      }
      const results = await Promise.allSettled(loads);
      const last = results.at(-1);
      assert.equal(last?.status, 'fulfilled');
      const final = await rows(session.api);
      assert.deepEqual(
        final.map((row) => row.label),
        zones.map((candidate) => candidate.name),
      );
      assert.ok(session.emulator.log.entries().filter((entry) => entry.path === '/zones').length <= 10);
    } finally {
      session.emulator.latencyMs = 0;
    }
  });

  it('ignores an API base URL set in the workspace: that server receives nothing', async () => {
    const intruder: Emulator = await startEmulator({ port: 0, seed: 'empty' });
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const settingsFile = path.join(folder, '.vscode', 'settings.json');
    try {
      fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
      // An application-scoped setting never shows a workspace value, so a companion setting tells when
      // VS Code has read the file.
      fs.writeFileSync(settingsFile, JSON.stringify({ 'cloudflareCertificates.apiBaseUrl': intruder.baseUrl, 'editor.tabSize': 7 }));
      await eventually('VS Code to read the workspace settings', () =>
        vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue === 7 ? true : undefined,
      );
      session.api.tree.reloadAll();
      await rootsEventually('the zones of the user-configured API', (list) => list.length === zones.length);
      assert.equal(intruder.log.entries().length, 0, 'the workspace-configured server got a request');
    } finally {
      fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
      await intruder.close();
    }
  });

  it('refuses plain http to a host other than this machine, sending nothing', async () => {
    await config().update('apiBaseUrl', 'http://api.example.invalid/client/v4', vscode.ConfigurationTarget.Global);
    session.emulator.log.clear();
    const [refused] = await rootsEventually('an error node', (list) => list[0]?.contextValue === 'error');
    assert.match(refused.label, /only sent over https/);
    assert.equal(session.emulator.log.entries().length, 0);
  });

  it('does not follow a redirect with the token', async () => {
    let redirected = 0;
    const caught: (string | undefined)[] = [];
    // The redirect target: whatever reaches it was sent by following the redirect.
    const catcher = http.createServer((request, response) => {
      caught.push(request.headers.authorization);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"success":true,"errors":[],"messages":[],"result":[]}');
    });
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
    const redirector = http.createServer((_request, response) => {
      redirected += 1;
      response.writeHead(302, { Location: `http://127.0.0.1:${(catcher.address() as AddressInfo).port}/client/v4/zones` }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      await config().update(
        'apiBaseUrl',
        `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/client/v4`,
        vscode.ConfigurationTarget.Global,
      );
      const [failed] = await rootsEventually('an error node', (list) => list[0]?.contextValue === 'error');
      assert.match(failed.label, /redirect/);
      assert.ok(redirected > 0);
      assert.deepEqual(caught, [], 'the redirect target got a request');
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
      await new Promise<void>((resolve) => catcher.close(() => resolve()));
    }
  });

  it('renders crafted names from the API as inert text in tooltips and the details document', async () => {
    const target = zone('staging.example.net');
    const crafted = '[pwn](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `x`';
    const certificate = await createCertificate({ commonName: crafted, sans: ['inject.example.net'] });
    session.emulator.state.uploadAopCertificate(target.id, certificate.certPem, certificate.key.pkcs8Pem, { fixedStatus: 'active' });
    session.emulator.state.addCustomHostname(target.id, '[host](command:workbench.action.files.delete)');
    session.api.tree.reloadAll();
    const zoneRow = await child(session.api, undefined, 'staging.example.net');
    const [aop, saas] = await rows(session.api, zoneRow.node);
    const [certificateRow] = await rows(session.api, aop.node);
    const [hostnameRow] = await rows(session.api, saas.node);
    for (const row of [certificateRow, hostnameRow]) {
      const tooltip = row.item.tooltip as vscode.MarkdownString;
      assert.ok(!tooltip.isTrusted, 'tooltips are never trusted');
      assert.ok(!tooltip.supportHtml, 'no HTML in tooltips');
      assert.doesNotMatch(tooltip.value, /\]\(command:/);
      assert.doesNotMatch(tooltip.value, /(^|[^\\])<img/);
    }
    await vscode.commands.executeCommand('cloudflareCertificates.showDetails', certificateRow.node);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.scheme, 'cloudflare-certificate');
    assert.ok(document?.getText().includes(crafted), 'the details document shows the name as plain text');
    assert.equal(document?.languageId, 'plaintext');
  });

  it('shows the rejected-token welcome view when the token is revoked mid-session, without retrying in a loop', async () => {
    session.emulator.state.addToken({ value: 'short-lived-token-0123456789', label: 'short-lived' });
    await session.api.tokens.set('short-lived-token-0123456789');
    await rootsEventually('the zones', (list) => list.length === zones.length);
    session.emulator.state.revokeToken('short-lived-token-0123456789');
    session.api.tree.reloadAll();
    session.emulator.log.clear();
    await rootsEventually('an empty tree (the welcome view)', (list) => list.length === 0);
    assert.equal(session.api.tree.isTokenRejected, true);
    // Once the welcome view shows, nothing retries by itself. Watch from the moment every request sent
    // so far is answered and no load is pending.
    await eventually('the rejection to settle (no request in flight, no load pending)', () =>
      session.emulator.stats().inFlight === 0 && session.api.data.diagnostics().pending === 0 ? true : undefined,
    );
    const settled = session.emulator.log.entries().length;
    // The one fixed wait kept on purpose: what is under test is an absence. A retry loop would send
    // again and again within 3 s; the visible view re-renders once after the last refresh, which may
    // ask for the zones once more (and hear 401), and nothing else may follow.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const more = session.emulator.log.entries().slice(settled);
    const rerender = more.length === 1 && more[0].method === 'GET' && more[0].path === '/zones' && more[0].status === 401;
    assert.ok(
      more.length === 0 || rerender,
      `requests after the rejection: ${more.map((entry) => `${entry.method} ${entry.path} ${entry.status}`).join('; ')}`,
    );
  });

  it('keeps the tree consistent when refreshes run during an upload', async () => {
    const target = zone('example.org');
    const certificate = await createCertificate({ commonName: 'during-refresh.example.org' });
    const document = await vscode.workspace.openTextDocument({ content: `${certificate.certPem}${certificate.key.pkcs8Pem}` });
    await vscode.window.showTextDocument(document);
    session.emulator.latencyMs = 40;
    const groupNode = async () =>
      (await child(session.api, (await child(session.api, undefined, 'example.org')).node, 'Client Certificates (AOP)')).node;
    const prompts = new ScriptedPrompts(session.api).answer('Upload');
    session.emulator.log.clear();
    // The upload's own requests: its POST, then its polls of the new certificate.
    const uploadRequests = () =>
      session.emulator.log.entries().filter((entry) => entry.method === 'POST' || /\/hostnames\/certificates\/[^/]+$/.test(entry.path))
        .length;
    try {
      let finished = false;
      const upload = Promise.resolve(vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode())).finally(
        () => (finished = true),
      );
      // A refresh each time the upload reaches Cloudflare (sent, then polled until deployed), so every
      // refresh overlaps it; back-to-back refreshes would instead keep the upload from ever starting.
      const overlapping = await refreshAtEach(uploadRequests, () => finished);
      await upload;
      assert.ok(overlapping > 0, 'no refresh ran while the upload was at Cloudflare');
      const stored = session.emulator.state
        .aopCertificatesOf(target.id)
        .filter((record) => record.certificate.serialNumber === certificate.serialNumber);
      assert.equal(stored.length, 1);
      const row = (await rows(session.api, await groupNode())).find((candidate) => candidate.label === 'during-refresh.example.org');
      assert.ok(row, 'the uploaded certificate is in the tree');
    } finally {
      prompts.restore();
      session.emulator.latencyMs = 0;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('keeps the tree consistent when refreshes run during a delete', async () => {
    const target = zone('example.org');
    const certificate = await createCertificate({ commonName: 'delete-during-refresh.example.org' });
    const stored = session.emulator.state.uploadAopCertificate(target.id, certificate.certPem, certificate.key.pkcs8Pem, {
      fixedStatus: 'active',
    });
    const groupNode = async () =>
      (await child(session.api, (await child(session.api, undefined, 'example.org')).node, 'Client Certificates (AOP)')).node;
    session.api.tree.reloadAll();
    const row = (await rows(session.api, await groupNode())).find((candidate) => candidate.label === 'delete-during-refresh.example.org');
    assert.ok(row, 'the certificate is in the tree before the delete');
    const prompts = new ScriptedPrompts(session.api).answer('Delete');
    session.api.pollTiming = { initialDelayMs: 100, maxDelayMs: 200, timeoutMs: 10_000 };
    // Long enough that the DELETE is still at Cloudflare when the refresh it sets off starts.
    session.emulator.latencyMs = 150;
    session.emulator.log.clear();
    try {
      let finished = false;
      const deletion = Promise.resolve(vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', row.node)).finally(
        () => (finished = true),
      );
      // As for the upload: a refresh each time the delete reaches Cloudflare (the DELETE, then its polls).
      const deleteRequests = () =>
        session.emulator.log.entries().filter((entry) => entry.method === 'DELETE' || entry.path.endsWith(`/certificates/${stored.id}`))
          .length;
      const overlapping = await refreshAtEach(deleteRequests, () => finished, groupNode);
      await deletion;
      assert.ok(overlapping > 0, 'no refresh ran while the delete was at Cloudflare');
    } finally {
      prompts.restore();
      session.api.pollTiming = { initialDelayMs: 1000, maxDelayMs: 5000, timeoutMs: 120_000 };
      session.emulator.latencyMs = 0;
    }
    assert.equal(session.emulator.log.writes().filter((entry) => entry.method === 'DELETE').length, 1, 'exactly one DELETE was sent');
    assert.ok(
      !session.emulator.state.aopCertificatesOf(target.id).some((record) => record.id === stored.id),
      'Cloudflare no longer holds it',
    );
    await eventually('the tree to drop the certificate', async () => {
      const after = await rows(session.api, await groupNode());
      return after.every((candidate) => candidate.contextValue === 'aopCertificate') &&
        !after.some((candidate) => candidate.label === 'delete-during-refresh.example.org')
        ? true
        : undefined;
    });
  });

  it('declares its workspace-trust and virtual-workspace support in the manifest', () => {
    const manifest = vscode.extensions.getExtension('cfcerts.cloudflare-certificates')!.packageJSON as {
      capabilities: Record<string, { supported: unknown; description: string }>;
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 40);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
    assert.equal(manifest.contributes.configuration.properties['cloudflareCertificates.apiBaseUrl'].scope, 'application');
  });
});
