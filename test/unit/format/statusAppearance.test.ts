import * as assert from 'node:assert/strict';
import { AOP_STATUS, appearanceOf, HOSTNAME_STATUS, isTransitional, SSL_STATUS } from '../../../src/format/statusAppearance';
import { openapiDocument, schemaEnum } from '../../support/openapi';

describe('statusAppearance', () => {
  const sslStatuses = () => {
    const ssl = openapiDocument().components.schemas['tls-certificates-and-hostnames_ssl'] as {
      properties: { status: { enum: string[] } };
    };
    return ssl.properties.status.enum;
  };

  it("has an icon, colour and words for every AOP status in Cloudflare's schema", () => {
    const statuses = schemaEnum('tls-certificates-and-hostnames_status-9');
    assert.equal(statuses.length, 7);
    for (const status of statuses) {
      const appearance = AOP_STATUS[status];
      assert.ok(appearance, `AOP status ${status} has no appearance`);
      assert.ok(appearance.icon && appearance.color && appearance.label, status);
    }
  });

  it('has one for every custom hostname SSL status (all 21)', () => {
    const statuses = sslStatuses();
    assert.equal(statuses.length, 21);
    for (const status of statuses) {
      assert.ok(SSL_STATUS[status]?.color, `SSL status ${status} has no appearance`);
    }
  });

  it('has one for every custom hostname status (all 16)', () => {
    const statuses = schemaEnum('tls-certificates-and-hostnames_status-3');
    assert.equal(statuses.length, 16);
    for (const status of statuses) {
      assert.ok(HOSTNAME_STATUS[status]?.color, `hostname status ${status} has no appearance`);
    }
  });

  it('gives an unknown future status a neutral icon and readable words instead of failing', () => {
    const appearance = appearanceOf(SSL_STATUS, 'quantum_entangled');
    assert.equal(appearance.icon, 'circle-large-outline');
    assert.equal(appearance.color, undefined);
    assert.equal(appearance.label, 'Quantum entangled');
    assert.equal(appearanceOf(SSL_STATUS, undefined).label, 'Unknown');
    // Inherited object keys are not statuses.
    assert.equal(appearanceOf(SSL_STATUS, 'constructor').icon, 'circle-large-outline');
  });

  it('knows which statuses settle by themselves', () => {
    assert.ok(isTransitional('pending_deployment'));
    assert.ok(isTransitional('initializing'));
    assert.ok(!isTransitional('active'));
    assert.ok(!isTransitional('deployment_timed_out'));
  });
});
