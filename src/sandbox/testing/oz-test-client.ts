// A deliberately thin HTTP client for the sandbox's own tests: raw status and body,
// so every assertion is about what goes over the wire.

export interface WireResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

export interface UploadFile {
  readonly field: string;
  readonly bytes: Buffer;
  readonly name?: string;
  readonly type?: string;
}

async function wire(response: Response): Promise<WireResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body };
}

export function uploadForm(files: readonly UploadFile[], payload?: unknown): FormData {
  const form = new FormData();
  for (const file of files) {
    form.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }), file.name ?? `${file.field}.jpg`);
  }
  if (payload !== undefined) form.append('payload', typeof payload === 'string' ? payload : JSON.stringify(payload));
  return form;
}

export class OzTestClient {
  token: string | undefined;
  expireToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<WireResponse> {
    const response = await this.send('POST', '/api/authorize/auth/', { json: { credentials: { email, password } } });
    if (response.status === 200) {
      this.token = response.body.access_token;
      this.expireToken = response.body.expire_token;
    }
    return response;
  }

  get(path: string): Promise<WireResponse> {
    return this.send('GET', path);
  }

  delete(path: string): Promise<WireResponse> {
    return this.send('DELETE', path);
  }

  postJson(path: string, json: unknown): Promise<WireResponse> {
    return this.send('POST', path, { json });
  }

  upload(path: string, files: readonly UploadFile[], payload?: unknown): Promise<WireResponse> {
    return this.send('POST', path, { form: uploadForm(files, payload) });
  }

  async send(
    method: string,
    path: string,
    options: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<WireResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token !== undefined && !('X-Forensic-Access-Token' in headers)) headers['X-Forensic-Access-Token'] = this.token;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      body = options.form;
    }
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    return wire(await fetch(url, { method, headers, body }));
  }
}
