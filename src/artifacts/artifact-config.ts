/** Live artifact checks: where the stores are and how far donegate goes. Credentials come from the standard AWS and Google chains. */
export interface ArtifactConfig {
  s3Endpoint?: string;
  s3ForcePathStyle: boolean;
  kmsEndpoint?: string;
  s3ControlEndpoint?: string;
  stsEndpoint?: string;
  awsRegion?: string;
  gcsApiEndpoint?: string;
  hashMaxBytes: number;
  timeoutMs: number;
}
