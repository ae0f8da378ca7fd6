import type { PassphraseRequest, UploadIo } from '../../../src/model/upload/uploadIo';

/** A scripted answer to each kind of question; `undefined` (or false) is the person cancelling. */
export interface UploadAnswers {
  keyFiles?: (string | undefined)[];
  passphrases?: (string | undefined)[];
  validity?: boolean[];
  ecParameters?: boolean[];
}

/**
 * The upload planner's outside world in memory: files by path, the editors open (their text wins
 * over the file's), and questions answered from a script. A question the script did not expect
 * fails the test, and every question asked is recorded in words a test can compare.
 */
export function memoryUploadIo(setup: {
  files?: Record<string, string | Uint8Array>;
  editors?: Record<string, string>;
  answers?: UploadAnswers;
}) {
  const files = new Map(Object.entries(setup.files ?? {}));
  const editors = new Map(Object.entries(setup.editors ?? {}));
  const answers: Required<UploadAnswers> = { keyFiles: [], passphrases: [], validity: [], ecParameters: [], ...setup.answers };
  const asked: string[] = [];
  const reads: string[] = [];
  const next = <T>(queue: T[], question: string): T => {
    asked.push(question);
    if (queue.length === 0) {
      throw new Error(`unexpected question: ${question}`);
    }
    return queue.shift() as T;
  };
  const bytesOf = (location: string): Uint8Array => {
    const content = files.get(location);
    if (content === undefined) {
      throw new Error(`ENOENT ${location}`);
    }
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  const io: UploadIo = {
    files: {
      nameOf: (location) => location.split('/').pop() ?? location,
      beside: (location, fileName) => `${location.slice(0, location.lastIndexOf('/'))}/${fileName}`,
      size: async (location) => bytesOf(location).length,
      read: async (location) => {
        reads.push(location);
        return bytesOf(location);
      },
    },
    documents: {
      textAt: (location) => editors.get(location),
      all: () => [...editors].map(([location, text]) => ({ location, text })),
    },
    questions: {
      pickKeyFile: async (certificateName) => next(answers.keyFiles, `key file of ${certificateName}`),
      askPassphrase: async (request) => next(answers.passphrases, passphraseQuestion(request)),
      acceptOutsideValidity: async (problems, certificateName) =>
        next(answers.validity, `outside validity: ${certificateName}: ${problems}`),
      acceptEcParametersStripped: async () => next(answers.ecParameters, 'strip EC PARAMETERS'),
    },
  };
  return { io, asked, reads };
}

function passphraseQuestion(request: PassphraseRequest): string {
  const retry = request.retry ? ' (again)' : '';
  return request.of === 'bundle'
    ? `passphrase of ${request.bundleName}${retry}`
    : `passphrase of the key${request.keyName ? ` in ${request.keyName}` : ''}${retry}`;
}
