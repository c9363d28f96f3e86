const NOT_PROGRAMME = /^\s*Документ не схожий на програму інформатизації\s*[:.]\s*/;

/**
 * The reason of a server's "not a programme" refusal without the server's own lead-in, which the page's
 * message («Документ не схожий на програму інформатизації: {msg}», in the chosen language) already says.
 */
export function notProgrammeReason(serverMessage: string): string {
  return serverMessage.replace(NOT_PROGRAMME, "");
}
