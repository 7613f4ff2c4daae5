"""botocore's own awsJson1_1 serializer and parser for FSx CopyBackup, for the
differential test in tests/botocore.rs.

stdin:  {"requests": [<params>, ...], "responses": [<response body string>, ...]}
stdout: {"requests": [<serialized body, as JSON>, ...],
         "heads": [{"method", "url_path", "headers"} of each request, ...],
         "responses": [<parsed output, timestamps as epoch seconds>, ...],
         "botocore": <version>, "protocol": ..., "target": <X-Amz-Target value>}

Everything runs in one process: starting Python and loading the model is the slow part.
The serializer is built without botocore's parameter validation, so the comparison is
about the wire form alone; idempotency tokens are not filled here (botocore's client
does that in a handler), so the caller passes them in the params.
"""

import base64
import datetime
import json
import sys

import botocore.parsers
import botocore.serialize
import botocore.session

OPERATION = "CopyBackup"
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def plain(value):
    """The parsed result as plain JSON: datetimes as epoch seconds, blobs as base64."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return (value - EPOCH) / datetime.timedelta(seconds=1)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value


def main():
    document = json.load(sys.stdin)
    model = botocore.session.get_session().get_service_model("fsx")
    operation = model.operation_model(OPERATION)
    serializer = botocore.serialize.create_serializer(
        model.metadata["protocol"], include_validation=False
    )
    parser = botocore.parsers.create_parser(model.metadata["protocol"])

    requests = []
    heads = []
    for params in document["requests"]:
        serialized = serializer.serialize_to_request(params, operation)
        body = serialized["body"]
        if isinstance(body, (bytes, bytearray)):
            body = body.decode("utf-8")
        requests.append(json.loads(body))
        heads.append(
            {
                "method": serialized["method"],
                "url_path": serialized["url_path"],
                "headers": {k.lower(): v for k, v in serialized["headers"].items()},
            }
        )

    responses = []
    for body in document["responses"]:
        parsed = parser.parse(
            {"status_code": 200, "headers": {}, "body": body.encode("utf-8")},
            operation.output_shape,
        )
        parsed.pop("ResponseMetadata", None)
        responses.append(plain(parsed))

    json.dump(
        {
            "botocore": botocore.__version__,
            "protocol": model.metadata["protocol"],
            "target": "%s.%s" % (model.metadata["targetPrefix"], OPERATION),
            "requests": requests,
            "heads": heads,
            "responses": responses,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
