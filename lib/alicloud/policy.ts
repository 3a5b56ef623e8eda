/**
 * RAM actions authorized against "*" only: Container Registry's GetAuthorizationToken (ACR "RAM
 * authorization information": GetAuthorizationToken → cr:GetAuthorizationToken on `*`), which FC
 * calls with the function's role to get the temporary password it pulls an image with. A
 * statement may name "*" only when every one of its actions is in this list.
 */
export const WILDCARD_ONLY_ACTIONS: readonly string[] = ['cr:GetAuthorizationToken'];
