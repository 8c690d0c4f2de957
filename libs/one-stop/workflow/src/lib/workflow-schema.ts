import { STEP_KINDS, STEP_ROLES, WORKFLOW_ACTIONS, WORKFLOW_STATUSES } from './workflow-definition';

const ID_PATTERN = '^[a-z][a-z0-9_.-]{0,63}$';
/** QCVN 102:2016/BTTTT electronic identifier of an agency unit, e.g. 000.00.11.H99. */
const AGENCY_CODE_PATTERN = '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$';

/**
 * JSON Schema (draft-07) of a workflow definition: the shape only. {@link validateDefinition}
 * adds the graph rules (reachability, ends, owners, approval, shares).
 */
export const WORKFLOW_DEFINITION_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://dvc.example/schemas/workflow-definition.json',
  title: 'Quy trình xử lý hồ sơ',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'version', 'name', 'steps', 'transitions'],
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    version: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    steps: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'kind', 'status'],
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          name: { type: 'string', minLength: 1, maxLength: 255 },
          kind: { type: 'string', enum: [...STEP_KINDS] },
          owner: {
            type: 'object',
            additionalProperties: false,
            required: ['role', 'unit'],
            properties: {
              role: { type: 'string', enum: [...STEP_ROLES] },
              unit: {
                oneOf: [
                  { type: 'string', const: 'receiving' },
                  {
                    type: 'object',
                    additionalProperties: false,
                    required: ['code'],
                    properties: { code: { type: 'string', pattern: AGENCY_CODE_PATTERN } },
                  },
                  {
                    type: 'object',
                    additionalProperties: false,
                    required: ['relative'],
                    properties: { relative: { type: 'string', const: 'parent' } },
                  },
                ],
              },
            },
          },
          share: { type: 'number', minimum: 0, maximum: 1 },
          status: { type: 'string', enum: [...WORKFLOW_STATUSES] },
        },
      },
    },
    transitions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'action', 'to'],
        properties: {
          from: { type: 'string', pattern: ID_PATTERN },
          action: { type: 'string', enum: [...WORKFLOW_ACTIONS] },
          to: { type: 'string', pattern: ID_PATTERN },
          fromStatus: { type: 'string', enum: [...WORKFLOW_STATUSES] },
          toStatus: { type: 'string', enum: [...WORKFLOW_STATUSES] },
          roles: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'string', enum: [...STEP_ROLES] },
          },
          requiresNote: { type: 'boolean' },
          pausesClock: { type: 'boolean' },
          resumesClock: { type: 'boolean' },
        },
      },
    },
  },
} as const;
