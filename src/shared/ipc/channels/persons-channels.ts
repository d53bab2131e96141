import {
  deletePersonInputSchema,
  deletePersonOutcomeSchema,
  indexProgressSchema,
  personDetailSchema,
  personRefSchema,
  personsPageInputSchema,
  personsPageSchema,
  personsSearchInputSchema,
  personsSearchResultSchema,
  thumbnailsInputSchema,
  thumbnailsSchema,
} from '../../domain/persons.js';

export const personsChannels = {
  'persons:list': { input: personsPageInputSchema, output: personsPageSchema },
  /** Searches the desk's name index; main keeps filling it and reports `persons:indexProgress`. */
  'persons:search': { input: personsSearchInputSchema, output: personsSearchResultSchema },
  'persons:thumbnails': { input: thumbnailsInputSchema, output: thumbnailsSchema },
  'persons:get': { input: personRefSchema, output: personDetailSchema },
  'persons:delete': { input: deletePersonInputSchema, output: deletePersonOutcomeSchema },
} as const;

export const personsEvents = {
  'persons:indexProgress': indexProgressSchema,
} as const;
