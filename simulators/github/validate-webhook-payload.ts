import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { getGithubContract } from './load-github-contract.js';

const ROOT_ID = 'https://donegate.invalid/api.github.com.json';
const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/**
 * Problems GitHub's published payload schema finds in a delivery the simulator is about to send
 * (`issues-closed`, `issue-comment-created`, `projects-v2-item-edited`); empty when it conforms.
 */
export function validateWebhookPayload(event: string, body: unknown): string[] {
  const contract = getGithubContract();
  if (!ajv) {
    // `strict: false`: the document uses OpenAPI-only keywords (`example`, `discriminator`) ajv does not know.
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormatsModule.default(ajv);
    ajv.addSchema({ $id: ROOT_ID, components: { schemas: contract.components } });
  }
  const name = contract.webhookSchemaName(event);
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `${ROOT_ID}#/components/schemas/${name}` });
    compiled.set(name, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${event}${error.instancePath} ${error.message ?? 'is invalid'}`);
}
