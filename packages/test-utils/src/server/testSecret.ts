/**
 * The handler secret every server harness uses: 32+ characters, as `createFaceKitHandler` requires.
 * @example
 * createFaceKitHandler({ secret: testSecret, authorize: () => ({ accountId: "acct-1" }) });
 */
export const testSecret = "test-secret-test-secret-test-secret-0123";
