import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import { openapiPath } from '../support/cloudflareApiFiles';

/**
 * Holds requests and answers to Cloudflare's own published schema (shared/cloudflare-api/openapi.json,
 * read in place, never copied). Used by the emulator on every request and by the contract tests.
 */
export interface ContractViolation {
  readonly kind: 'request' | 'response';
  readonly method: string;
  readonly template: string;
  readonly status?: number;
  readonly errors: string;
}

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, { maxLength?: number }> };
}

/**
 * The published identifier allows 32 characters, but real ids are 32-hex or 36-character UUIDs (the API
 * README; certificate-pack certificate ids are UUIDs). Widened in memory, for this one schema only.
 */
/** Error codes are published as >= 1000, but Cloudflare's rate limit answers 971 (the API README). */
const RATE_LIMIT_CODE = 971;

function allowRateLimitCode(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowRateLimitCode);
  } else if (node !== null && typeof node === 'object') {
    const code = (node as { properties?: { code?: { minimum?: number } } }).properties?.code;
    if (code?.minimum === 1000) {
      code.minimum = RATE_LIMIT_CODE;
    }
    Object.values(node).forEach(allowRateLimitCode);
  }
}

function allowUuidIdentifiers(document: OpenApi): void {
  const identifier = document.components?.schemas?.['tls-certificates-and-hostnames_identifier'];
  if (identifier?.maxLength === 32) {
    identifier.maxLength = 36;
  }
}

const DOCUMENT_ID = 'cloudflare-openapi.json';

/**
 * The generic error envelope, used where a published 4XX schema cannot be satisfied by any body:
 * most operations here declare a required `result` that must be both null (`enum: [null]`) and an
 * array or object (`type`), so no real error answer could validate. For those, and only those
 * (`relaxed` lists them; a unit test derives the same set from the schema), we check the shape every
 * Cloudflare error has: success false and a non-empty errors array of {code, message}.
 */
const GENERIC_ERROR = {
  type: 'object',
  required: ['success', 'errors', 'messages'],
  properties: {
    success: { const: false },
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'integer', minimum: RATE_LIMIT_CODE }, message: { type: 'string' } },
      },
    },
    messages: { type: 'array' },
  },
};

const CANONICAL_ERROR = { success: false, errors: [{ code: 1000, message: 'error' }], messages: [], result: null };

export { openapiPath };

export class ContractValidator {
  private readonly document: OpenApi;
  private readonly ajv: Ajv;
  private readonly queryAjv: Ajv;
  private readonly cache = new Map<string, ValidateFunction | undefined>();
  /** Which 4XX schemas were unsatisfiable and replaced by GENERIC_ERROR (reported by the tests). */
  readonly relaxed = new Set<string>();

  constructor(file = openapiPath()) {
    this.document = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApi;
    allowUuidIdentifiers(this.document);
    allowRateLimitCode(this.document);
    // The published schema repeats items in some `required` lists and uses OpenAPI keywords
    // (example, x-*): meta-validation and strict mode would reject the document itself.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(this.document as object, DOCUMENT_ID);
    this.queryAjv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: 'array' });
    addFormats(this.queryAjv);
  }

  operation(method: string, template: string): Operation {
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) {
      throw new Error(`openapi.json has no ${method} ${template}`);
    }
    return operation;
  }

  validateRequest(method: string, template: string, query: URLSearchParams, body: unknown): ContractViolation[] {
    const operation = this.operation(method, template);
    const violations: ContractViolation[] = [];
    const queryParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
    const known = new Set(queryParameters.map((parameter) => parameter.name));
    const values: Record<string, string> = {};
    for (const [name, value] of query) {
      if (!known.has(name)) {
        violations.push({ kind: 'request', method, template, errors: `unknown query parameter "${name}"` });
      }
      values[name] = value;
    }
    const querySchema = {
      type: 'object',
      properties: Object.fromEntries(queryParameters.map((parameter) => [parameter.name, parameter.schema ?? {}])),
    };
    const validateQuery = this.queryAjv.compile(querySchema);
    if (!validateQuery({ ...values })) {
      violations.push({ kind: 'request', method, template, errors: this.queryAjv.errorsText(validateQuery.errors) });
    }
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    if (bodySchema) {
      const validate = this.compile(`${template} ${method} request`, [
        'paths',
        template,
        method.toLowerCase(),
        'requestBody',
        'content',
        'application/json',
        'schema',
      ]);
      if (validate && !validate(body)) {
        violations.push({ kind: 'request', method, template, errors: this.ajv.errorsText(validate.errors) });
      }
    } else if (body !== undefined) {
      violations.push({ kind: 'request', method, template, errors: 'a body was sent to an operation that takes none' });
    }
    return violations;
  }

  validateResponse(method: string, template: string, status: number, body: unknown): ContractViolation[] {
    const operation = this.operation(method, template);
    const key = operation.responses?.[String(status)]
      ? String(status)
      : status >= 400 && status < 500
        ? '4XX'
        : status >= 200 && status < 300
          ? firstSuccess(operation)
          : undefined;
    if (!key || !operation.responses?.[key]) {
      if (status >= 500) {
        return [];
      }
      return [{ kind: 'response', method, template, status, errors: `no response ${status} is published for this operation` }];
    }
    const validate = this.responseValidator(method, template, key);
    if (validate && !validate(body)) {
      return [{ kind: 'response', method, template, status, errors: this.ajv.errorsText(validate.errors) }];
    }
    return [];
  }

  private responseValidator(method: string, template: string, key: string): ValidateFunction | undefined {
    const cacheKey = `${template} ${method} ${key}`;
    if (this.cache.has(cacheKey)) {
      return this.cache.get(cacheKey);
    }
    let validate = this.compile(`${cacheKey} raw`, [
      'paths',
      template,
      method.toLowerCase(),
      'responses',
      key,
      'content',
      'application/json',
      'schema',
    ]);
    if (validate && key === '4XX' && !validate(CANONICAL_ERROR)) {
      this.relaxed.add(`${method} ${template}`);
      validate = this.ajv.compile(GENERIC_ERROR);
    }
    this.cache.set(cacheKey, validate);
    return validate;
  }

  private compile(cacheKey: string, pointer: string[]): ValidateFunction | undefined {
    if (this.cache.has(cacheKey)) {
      return this.cache.get(cacheKey);
    }
    const fragment = pointer.map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
    const validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#/${fragment}` });
    this.cache.set(cacheKey, validate);
    return validate;
  }
}

function firstSuccess(operation: Operation): string | undefined {
  return Object.keys(operation.responses ?? {}).find((code) => /^2/.test(code));
}
