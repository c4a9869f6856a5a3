/** What donegate reads from an AWS SDK failure: the error name decides, the status helps. */
export interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}
