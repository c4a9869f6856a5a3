import { inEveryContext } from './contexts.js';
import { ALNUM, BASE64, BASE64URL, HEX, LETTERS, UPPER_BASE32, base62Crc32, createSecretShapes } from './random-secrets.js';

/**
 * A labelled sample: a small file. A `secret` sample holds `secret` somewhere in `text`; a `near-miss` (a
 * placeholder, `xxxx`, a truncated or look-alike value, a wrong checksum) or `documentation` sample (a dummy key a
 * vendor publishes) holds no secret at all, so any finding in it is a false alarm.
 */
export interface LabelledSample {
  family: string;
  label: 'secret' | 'near-miss' | 'documentation';
  text: string;
  secret?: string;
}

export const DEFAULT_SEED = 14;

// Vendor documentation keys, joined from parts so no scanner of this repository reads them as live.
const join = (...parts: string[]): string => parts.join('');
const DOCUMENTATION: Readonly<Record<string, readonly string[]>> = {
  aws: [`AWS_ACCESS_KEY_ID=${join('AKIA', 'IOSFODNN7EXAMPLE')}\n`, `aws_secret_access_key = ${join('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY')}\n`],
  azure: [`AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${join('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/', 'K1SZFPTOtr/KBHBeksoGMGw==')};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"\n`],
  slack: [`SLACK_BOT_TOKEN=${join('xoxb-', 'not-a-real-token-this-will-not-work')}\n`, `webhook: ${join('https://hooks.slack.com/services/', 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX')}\n`],
  stripe: [`Stripe.api_key = '${join('sk_test_', '4eC39HqLyjWDarjtT1zdp7dc')}'\n`, `STRIPE_SECRET_KEY=${join('sk_test_', 'BQokikJOvBiI2HlWgH4olfQ2')}\n`],
  twilio: [`TWILIO_ACCOUNT_SID=${join('AC', 'X'.repeat(32))}\nTWILIO_AUTH_TOKEN=your_auth_token\n`],
  jwt: [
    `Authorization: Bearer ${join('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c')}\n`,
  ],
};

/** Builds the labelled set from `seed`: every generated secret has its vendor's shape and, where it has one, checksum. */
export function buildLabelledSecrets(seed = DEFAULT_SEED): LabelledSample[] {
  const s = createSecretShapes(seed);
  const samples: LabelledSample[] = [];
  // A vendor token is also found with no secret-like name near it; a bare hex or base64 value is not.
  const secrets = (family: string, name: string, make: () => string, count = 2, bare = true): void => {
    for (let index = 0; index < count; index++) {
      const secret = make();
      const texts = [...inEveryContext(name, secret), ...(bare ? [`client = connect("${secret}", retries=3)\n`] : [])];
      for (const text of texts) samples.push({ family, label: 'secret', text, secret });
    }
  };
  // A look-alike prefix tests the vendor rule, so it sits under a name that says nothing about secrets.
  const lookAlike = (family: string, value: string): void => void samples.push({ family, label: 'near-miss', text: `TRACE_REF=${value}\n` });
  const raw = (family: string, text: string, secret: string): void => void samples.push({ family, label: 'secret', text, secret });
  const nearMisses = (family: string, name: string, values: readonly string[]): void => {
    values.forEach((value, index) => samples.push({ family, label: 'near-miss', text: inEveryContext(name, value)[index % 5] ?? '' }));
  };
  const wrongChecksum = (prefix: string): string => {
    const body = s.chars(ALNUM, 30);
    const right = base62Crc32(body);
    const wrong = right.slice(0, 5) + (right.endsWith('A') ? 'B' : 'A');
    return `${prefix}${body}${wrong}`;
  };

  secrets('aws', 'AWS_ACCESS_KEY_ID', () => s.pick(['AKIA', 'ASIA']) + s.chars(UPPER_BASE32, 16));
  secrets('aws', 'AWS_SECRET_ACCESS_KEY', () => s.chars(BASE64, 40), 2, false);
  nearMisses('aws', 'AWS_ACCESS_KEY_ID', ['AKIAXXXXXXXXXXXXXXXX', `AKIA${s.chars(UPPER_BASE32, 10)}`, '<your-access-key-id>']);
  lookAlike('aws', `AKIB${s.chars(UPPER_BASE32, 16)}`);
  lookAlike('aws', `akia${s.chars(UPPER_BASE32, 16).toLowerCase()}`);
  nearMisses('aws', 'AWS_SECRET_ACCESS_KEY', ['${AWS_SECRET_ACCESS_KEY}', 'changeme', '<your-secret-access-key>', 'x'.repeat(40), `${s.chars(BASE64, 20)}...`]);

  secrets('gcp', 'GOOGLE_API_KEY', () => `AIza${s.chars(`${ALNUM}-_`, 35)}`);
  for (let index = 0; index < 4; index++) {
    const body = `MIIEv${s.chars(BASE64, 59)}`;
    const secret = `-----BEGIN PRIVATE KEY-----\\n${body}`;
    raw('gcp', `{\n  "type": "service_account",\n  "project_id": "acme-ml",\n  "private_key_id": "${s.chars(HEX, 40)}",\n  "private_key": "${secret}\\n${s.chars(BASE64, 64)}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "trainer@acme-ml.iam.gserviceaccount.com"\n}\n`, secret);
  }
  nearMisses('gcp', 'GOOGLE_API_KEY', [`AIzaSy${'X'.repeat(33)}`, `AIza${s.chars(ALNUM, 20)}`, 'AIza...', '<your-google-api-key>']);
  lookAlike('gcp', `AIzb${s.chars(ALNUM, 35)}`);
  samples.push({ family: 'gcp', label: 'near-miss', text: '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n<your private key>\\n-----END PRIVATE KEY-----\\n"\n}\n' });

  for (let index = 0; index < 2; index++) {
    const key = `${s.chars(BASE64, 86)}==`;
    for (const text of inEveryContext('AZURE_STORAGE_CONNECTION_STRING', `DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=${key};EndpointSuffix=core.windows.net`)) raw('azure', text, key);
  }
  secrets('azure', 'AZURE_CLIENT_SECRET', () => `${s.chars(ALNUM, 3)}8Q~${s.chars(`${ALNUM}_~.-`, 34)}`, 2, false);
  nearMisses('azure', 'AZURE_STORAGE_CONNECTION_STRING', ['DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=<your-account-key>;EndpointSuffix=core.windows.net', 'UseDevelopmentStorage=true', 'DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=${AZURE_STORAGE_KEY}']);
  nearMisses('azure', 'AZURE_CLIENT_SECRET', ['changeme', '<client-secret>', '${AZURE_CLIENT_SECRET}']);

  secrets('github', 'GITHUB_TOKEN', () => s.checksummed(s.pick(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])), 3);
  secrets('github', 'GH_TOKEN', () => `github_pat_${s.chars(ALNUM, 22)}_${s.chars(ALNUM, 59)}`);
  nearMisses('github', 'GITHUB_TOKEN', [`ghp_${'x'.repeat(36)}`, wrongChecksum('ghp_'), `ghp_${s.chars(ALNUM, 20)}`, 'ghp_your_personal_access_token', 'github_pat_<token>', wrongChecksum('gho_')]);
  lookAlike('github', `ghx_${s.chars(ALNUM, 36)}`);

  secrets('gitlab', 'GITLAB_TOKEN', () => `glpat-${s.chars(`${ALNUM}_-`, 20)}`, 2);
  secrets('gitlab', 'CI_DEPLOY_TOKEN', () => `gldt-${s.chars(`${ALNUM}_-`, 20)}`, 1);
  secrets('gitlab', 'RUNNER_TOKEN', () => `glrt-${s.chars(`${ALNUM}_-`, 20)}`, 1);
  secrets('gitlab', 'TRIGGER_TOKEN', () => `glptt-${s.chars(HEX, 40)}`, 1);
  secrets('gitlab', 'REGISTRATION_TOKEN', () => `GR1348941${s.chars(`${ALNUM}_-`, 20)}`, 1);
  nearMisses('gitlab', 'GITLAB_TOKEN', [`glpat-${'x'.repeat(20)}`, 'glpat-<your-token>', `glpat-${s.chars(ALNUM, 8)}`, 'glpat-REPLACE_WITH_YOUR_TOKEN']);
  lookAlike('gitlab', `glpat_${s.chars(ALNUM, 20)}`);

  secrets('slack', 'SLACK_BOT_TOKEN', () => `xoxb-${s.chars('0123456789', 12)}-${s.chars('0123456789', 13)}-${s.chars(ALNUM, 24)}`);
  secrets('slack', 'SLACK_USER_TOKEN', () => `xoxp-${s.chars('0123456789', 12)}-${s.chars('0123456789', 12)}-${s.chars('0123456789', 13)}-${s.chars(HEX, 32)}`);
  secrets('slack', 'SLACK_WEBHOOK_URL', () => `https://hooks.slack.com/services/T${s.chars(UPPER_BASE32, 8)}/B${s.chars(UPPER_BASE32, 10)}/${s.chars(ALNUM, 24)}`);
  nearMisses('slack', 'SLACK_BOT_TOKEN', ['xoxb-your-bot-token', `xoxb-${'x'.repeat(30)}`, 'xoxb-123', '<slack-bot-token>', `https://hooks.slack.com/services/T${'X'.repeat(8)}/B${'X'.repeat(8)}/${'X'.repeat(24)}`]);

  secrets('stripe', 'STRIPE_SECRET_KEY', () => `sk_live_${s.chars(ALNUM, s.pick([24, 99]))}`, 3);
  secrets('stripe', 'STRIPE_RESTRICTED_KEY', () => `rk_live_${s.chars(ALNUM, 99)}`, 1);
  nearMisses('stripe', 'STRIPE_SECRET_KEY', [`sk_live_${'x'.repeat(24)}`, 'sk_live_<your-key>', `sk_live_${s.chars(ALNUM, 10)}`, 'sk_live_...']);
  lookAlike('stripe', `pk_live_${s.chars(ALNUM, 99)}`);

  secrets('openai', 'OPENAI_API_KEY', () => `sk-proj-${s.chars(BASE64URL, 74)}T3BlbkFJ${s.chars(BASE64URL, 74)}`);
  secrets('openai', 'OPENAI_API_KEY', () => `sk-svcacct-${s.chars(BASE64URL, 58)}T3BlbkFJ${s.chars(BASE64URL, 58)}`, 1);
  secrets('openai', 'OPENAI_API_KEY', () => `sk-${s.chars(ALNUM, 20)}T3BlbkFJ${s.chars(ALNUM, 20)}`, 1);
  nearMisses('openai', 'OPENAI_API_KEY', ['sk-...', 'sk-your-api-key-here', `sk-proj-${'x'.repeat(40)}`, `sk-proj-${s.chars(ALNUM, 12)}`, '<OPENAI_API_KEY>']);

  secrets('anthropic', 'ANTHROPIC_API_KEY', () => `sk-ant-api03-${s.chars(BASE64URL, 93)}AA`, 3);
  secrets('anthropic', 'ANTHROPIC_ADMIN_KEY', () => `sk-ant-admin01-${s.chars(BASE64URL, 93)}AA`, 1);
  nearMisses('anthropic', 'ANTHROPIC_API_KEY', ['sk-ant-api03-...', `sk-ant-${'x'.repeat(40)}`, 'sk-ant-api03-<your-key>', `sk-ant-api03-${s.chars(ALNUM, 10)}`, 'sk-ant-YOUR_KEY_HERE']);

  secrets('huggingface', 'HF_TOKEN', () => `hf_${s.chars(LETTERS, 34)}`, 3);
  nearMisses('huggingface', 'HF_TOKEN', [`hf_${'x'.repeat(34)}`, 'hf_hub_download', 'hf_YOUR_TOKEN_HERE', `hf_${s.chars(LETTERS, 20)}`, '<hf-token>']);

  secrets('npm', 'NPM_TOKEN', () => s.checksummed('npm_'), 3);
  for (let index = 0; index < 2; index++) {
    const token = s.checksummed('npm_');
    raw('npm', `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${token}\n`, token);
  }
  nearMisses('npm', 'NPM_TOKEN', [`npm_${'x'.repeat(36)}`, wrongChecksum('npm_'), `npm_${s.chars(ALNUM, 16)}`, '${NPM_TOKEN}', 'npm_config_registry_token']);
  samples.push({ family: 'npm', label: 'near-miss', text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' });

  secrets('pypi', 'PYPI_TOKEN', () => `pypi-AgEIcHlwaS5vcmc${s.chars(BASE64URL, 160)}`, 3);
  nearMisses('pypi', 'PYPI_TOKEN', ['pypi-AgEIcHlwaS5vcmc...', 'pypi-<your-token>', '${PYPI_API_TOKEN}', `pypi-${'x'.repeat(40)}`, 'pypi-AgEIcHlwaS5vcmc']);

  secrets('twilio', 'TWILIO_API_KEY', () => `SK${s.chars(HEX, 32)}`);
  secrets('twilio', 'TWILIO_AUTH_TOKEN', () => s.chars(HEX, 32), 2, false);
  nearMisses('twilio', 'TWILIO_API_KEY', [`SK${'x'.repeat(32)}`, '<twilio-api-key>', `SK${s.chars(HEX, 16)}`]);
  nearMisses('twilio', 'TWILIO_AUTH_TOKEN', ['your_auth_token', '${TWILIO_AUTH_TOKEN}', '0'.repeat(32)]);

  secrets('sendgrid', 'SENDGRID_API_KEY', () => `SG.${s.chars(BASE64URL, 22)}.${s.chars(BASE64URL, 43)}`, 3);
  nearMisses('sendgrid', 'SENDGRID_API_KEY', ['SG.xxxxxxxx.yyyyyyyy', 'SG.YOUR_API_KEY', `SG.${'x'.repeat(22)}.${'x'.repeat(43)}`, '<sendgrid-key>', 'SG.example']);

  secrets('mailgun', 'MAILGUN_API_KEY', () => `key-${s.chars(HEX, 32)}`, 2);
  secrets('mailgun', 'MAILGUN_API_KEY', () => `${s.chars(HEX, 32)}-${s.chars(HEX, 8)}-${s.chars(HEX, 8)}`, 1);
  nearMisses('mailgun', 'MAILGUN_API_KEY', [`key-${'x'.repeat(32)}`, 'key-yourkeyhere', `key-${s.chars(HEX, 10)}`, '<mailgun-api-key>', '${MAILGUN_API_KEY}']);

  secrets('datadog', 'DD_API_KEY', () => s.chars(HEX, 32), 2, false);
  secrets('datadog', 'DD_APP_KEY', () => s.chars(HEX, 40), 2, false);
  nearMisses('datadog', 'DD_API_KEY', ['<DATADOG_API_KEY>', '${DD_API_KEY}', 'x'.repeat(32), 'your_api_key_here', 'f'.repeat(32)]);

  secrets('shopify', 'SHOPIFY_ACCESS_TOKEN', () => `${s.pick(['shpat_', 'shpca_', 'shppa_', 'shpss_'])}${s.chars(HEX, 32)}`, 3);
  nearMisses('shopify', 'SHOPIFY_ACCESS_TOKEN', [`shpat_${'x'.repeat(32)}`, 'shpat_<token>', `shpat_${s.chars(HEX, 12)}`, 'shpat_...', '<shopify-token>']);

  for (const kind of ['RSA ', 'EC ', 'OPENSSH ', '']) {
    const lines = Array.from({ length: 4 }, () => s.chars(BASE64, 64));
    const begin = `-----BEGIN ${kind}PRIVATE KEY-----`;
    raw('private-key', `${begin}\n${lines.join('\n')}\n-----END ${kind}PRIVATE KEY-----\n`, begin);
    const escaped = `${begin}\\n${lines[0] ?? ''}`;
    raw('private-key', `TLS_KEY="${escaped}\\n${lines.slice(1).join('\\n')}\\n-----END ${kind}PRIVATE KEY-----"\n`, escaped);
  }
  for (const text of [
    `-----BEGIN PUBLIC KEY-----\n${s.chars(BASE64, 64)}\n-----END PUBLIC KEY-----\n`,
    `-----BEGIN CERTIFICATE-----\n${s.chars(BASE64, 64)}\n-----END CERTIFICATE-----\n`,
    `ssh-rsa AAAAB3NzaC1yc2E${s.chars(BASE64, 60)} dev@laptop\n`,
    'TLS_KEY="-----BEGIN PRIVATE KEY-----\\n<your key here>\\n-----END PRIVATE KEY-----"\n',
    '# Paste the -----BEGIN PRIVATE KEY----- block from the console into the secret manager, never here.\n',
  ]) samples.push({ family: 'private-key', label: 'near-miss', text });

  secrets('jwt', 'ACCESS_TOKEN', () => s.jwt(), 3);
  nearMisses('jwt', 'ACCESS_TOKEN', ['eyJhbGciOiJIUzI1NiJ9', 'Bearer <token>', 'eyJ...', `eyJ${s.chars(BASE64URL, 30)}.eyJ${s.chars(BASE64URL, 30)}.${s.chars(BASE64URL, 43)}`, '<jwt>']);

  secrets('generic', 'DB_PASSWORD', () => s.chars(`${ALNUM}!#%&*+-.`, 20), 2, false);
  secrets('generic', 'CLIENT_SECRET', () => s.chars(ALNUM, 32), 2, false);
  secrets('generic', 'API_TOKEN', () => s.chars(HEX, 40), 1, false);
  secrets('generic', 'SIGNING_KEY', () => s.chars(BASE64, 44), 1, false);
  nearMisses('generic', 'DB_PASSWORD', [
    'changeme', '${DB_PASSWORD}', '<your-password>', 'your_password_here', '********************',
    'password123', 'xxxxxxxxxxxxxxxxxxxx', 'example-password-1234', 'REPLACE_ME_WITH_A_SECRET', '{{ .Values.db.password }}',
  ]);
  nearMisses('generic', 'API_TOKEN', [
    'os.environ["API_TOKEN"]', 'process.env.API_TOKEN', 'dummy-token-for-tests-0001', 'test_token_1234567890abcdef', 'placeholder_value_123456',
    'TODO-set-in-vault-12345', '%(api_token)s', 'None', '0123456789abcdef0123', 'not-a-real-token-1234567',
  ]);
  nearMisses('generic', 'TOKEN_LIMIT', ['4096', '128000', 'tiktoken/cl100k_base', 'AutoTokenizer.from_pretrained("bert-base-uncased")', 'max_tokens_per_request_2048']);

  // A 1Password service account token is base64 JSON (`ops_eyJ…fQ==`); the padding puts `}` alone in the last group.
  const onePasswordPayload = (): string => {
    let json = JSON.stringify({ email: `${s.chars(HEX, 13)}@1passwordserviceaccounts.lcl`, secretKey: s.chars(ALNUM, 34), srpX: s.chars(HEX, 64) });
    while (json.length % 3 !== 1) json = `${json.slice(0, -1)} }`;
    return Buffer.from(json).toString('base64');
  };
  // The other vendors secretlint's recommended preset claims, shapes from its rules: one positive shape and the
  // usual near-misses (a run of one character, a truncation, a template) each.
  const more: ReadonlyArray<[family: string, name: string, prefix: string, make: () => string]> = [
    ['groq', 'GROQ_API_KEY', 'gsk_', () => `gsk_${s.chars(ALNUM, 52)}`],
    ['linear', 'LINEAR_API_KEY', 'lin_api_', () => `lin_api_${s.chars(ALNUM, 40)}`],
    ['notion', 'NOTION_TOKEN', 'ntn_', () => `ntn_${s.chars('0123456789', 11)}${s.chars(ALNUM, 35)}`],
    ['grafana', 'GRAFANA_TOKEN', 'glsa_', () => s.pick([`glc_${s.chars(`${ALNUM}+/`, 80)}==`, `glsa_${s.chars(ALNUM, 32)}_${s.chars(HEX, 8)}`])],
    ['1password', 'OP_SERVICE_ACCOUNT_TOKEN', 'ops_', () => `ops_${onePasswordPayload()}`],
    ['vault', 'VAULT_TOKEN', 'hvs.', () => `hvs.${s.chars(BASE64URL, 95)}`],
    ['vercel', 'VERCEL_TOKEN', 'vcp_', () => `${s.pick(['vcp_', 'vci_', 'vca_'])}${s.chars(ALNUM, 24)}`],
    ['databricks', 'DATABRICKS_TOKEN', 'dapi', () => `dapi${s.chars(HEX, 32)}`],
    ['docker', 'DOCKER_PAT', 'dckr_pat_', () => `dckr_pat_${s.chars(BASE64URL, 27)}`],
    ['figma', 'FIGMA_TOKEN', 'figd_', () => `figd_${s.chars(BASE64URL, 43)}`],
    ['cloudflare', 'CLOUDFLARE_API_TOKEN', 'cfut_', () => `${s.pick(['cfk_', 'cfut_', 'cfat_'])}${s.chars(ALNUM, 40)}${s.chars(HEX, 8)}`],
    ['tailscale', 'TS_AUTHKEY', 'tskey-auth-', () => `tskey-auth-${s.chars(ALNUM, 12)}-${s.chars(ALNUM, 33)}`],
  ];
  for (const [family, name, prefix, make] of more) {
    secrets(family, name, make);
    nearMisses(family, name, [`${prefix}${'x'.repeat(40)}`, `${prefix}${s.chars(ALNUM, 6)}`, `${prefix}<your-token>`, `${prefix}...`, `<${name.toLowerCase()}>`]);
  }

  for (const [family, texts] of Object.entries(DOCUMENTATION)) for (const text of texts) samples.push({ family, label: 'documentation', text });
  return samples;
}
