/** The AWS account the simulators' test credentials belong to: STS names it, and S3 buckets belong to it unless a test says otherwise. */
export const SIM_ACCOUNT = '111122223333';
