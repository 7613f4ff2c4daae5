"""botocore's awsJson service models (``service-2``, ``paginators-1``,
``endpoint-rule-set-1``) as Smithy JSON AST models, the form AWS publishes, for the sweep
in tests/botocore_models.rs.

usage: to_smithy.py OUT_DIR [SERVICE ...]

Writes ``OUT_DIR/<service>.json`` for every botocore service whose metadata.protocol is
``json`` (or only the ones named), and ``OUT_DIR/index.json``: one entry per service with
the facts the test checks the generated crate against (X-Amz-Target prefix as botocore
sends it, media type, operations) and what the conversion could not carry over.

Nothing is written into the repository: the test passes a scratch directory.
"""

import json
import os
import re
import sys

import botocore.session

IDENTIFIER = re.compile(r"^_*[A-Za-z][A-Za-z0-9_]*$")

TIMESTAMP_FORMATS = {
    "iso8601": "date-time",
    "unixTimestamp": "epoch-seconds",
    "rfc822": "http-date",
}

SIMPLE_TYPES = {
    "string", "integer", "long", "boolean", "timestamp", "blob", "double", "float",
    "bigdecimal", "biginteger", "byte", "short",
}  # fmt: skip

# What Smithy's @paginated allows each botocore paginator key to name.
PAGINATION_KINDS = {
    "input_token": {"string", "map"},
    "output_token": {"string", "map"},
    "limit_key": {"integer"},
    "result_key": {"list", "map"},
}

AUTH_TRAITS = {"aws.auth#sigv4", "aws.auth#sigv4a", "smithy.api#httpBearerAuth"}


def namespace(service):
    """``com.amazonaws.<service>``, dashes dropped (``codeguru-reviewer``)."""
    return "com.amazonaws." + re.sub(r"[^A-Za-z0-9.]", "", service).lower()


def service_shape_name(target_prefix):
    """The service shape's name: the target prefix's last dotted part (CloudTrail's
    botocore prefix is ``com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101``; its
    Smithy service shape is ``CloudTrail_20131101``)."""
    return target_prefix.rsplit(".", 1)[-1]


def enum_member_name(value):
    """A Smithy identifier for an enum value: upper case, other characters as ``_``,
    ``_`` first when it starts with a digit (``t2.micro`` -> ``T2_MICRO``)."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", value).strip("_").upper()
    if not name:
        name = "EMPTY"
    if not name[0].isalpha():
        name = "_" + name
    return name


def documentation(traits, source):
    text = source.get("documentation")
    if text:
        traits["smithy.api#documentation"] = text


def deprecated(traits, source):
    if source.get("deprecated"):
        value = {}
        if source.get("deprecatedMessage"):
            value["message"] = source["deprecatedMessage"]
        if source.get("deprecatedSince"):
            value["since"] = source["deprecatedSince"]
        traits["smithy.api#deprecated"] = value


def constraints(traits, shape):
    """min/max as @length (strings, blobs, lists, maps) or @range (numbers); pattern."""
    bounds = {k: shape[k] for k in ("min", "max") if k in shape}
    if bounds:
        if shape["type"] in ("string", "blob", "list", "map"):
            traits["smithy.api#length"] = {k: int(v) for k, v in bounds.items()}
        else:
            traits["smithy.api#range"] = bounds
    if "pattern" in shape and shape["type"] == "string":
        traits["smithy.api#pattern"] = shape["pattern"]


class Converter:
    def __init__(self, name, model, paginators, rules):
        self.name = name
        self.model = model
        self.paginators = paginators
        self.rules = rules
        self.ns = namespace(name)
        self.meta = model["metadata"]
        self.notes = []
        self.shapes = {}
        # botocore shape name -> Smithy shape name (renamed when it collides with the
        # service shape's name).
        self.names = {}
        service = service_shape_name(self.meta["targetPrefix"])
        for shape_name in model["shapes"]:
            renamed = shape_name
            if shape_name.lower() == service.lower():
                renamed = shape_name + "Shape"
                self.note(f"shape {shape_name} renamed {renamed}: the service's name")
            self.names[shape_name] = renamed
        self.service = service

    def note(self, text):
        self.notes.append(text)

    def id(self, shape_name):
        return f"{self.ns}#{self.names[shape_name]}"

    def member(self, parent, member_name, member, required):
        traits = {}
        documentation(traits, member)
        deprecated(traits, member)
        if required:
            traits["smithy.api#required"] = {}
        if member.get("idempotencyToken"):
            traits["smithy.api#idempotencyToken"] = {}
        if member.get("hostLabel"):
            traits["smithy.api#hostLabel"] = {}
        if member.get("eventpayload"):
            traits["smithy.api#eventPayload"] = {}
        if member.get("eventheader"):
            traits["smithy.api#eventHeader"] = {}
        if "contextParam" in member:
            traits["smithy.rules#contextParam"] = member["contextParam"]
        if "timestampFormat" in member:
            traits["smithy.api#timestampFormat"] = TIMESTAMP_FORMATS[member["timestampFormat"]]
        if member.get("jsonvalue"):
            self.note(f"{parent}.{member_name}: jsonvalue (@mediaType) not mapped")
        if member.get("location"):
            self.note(f"{parent}.{member_name}: location {member['location']} not mapped")
        out = {"target": self.id(member["shape"])}
        if traits:
            out["traits"] = traits
        return out

    def structure(self, name, shape, traits):
        required = set(shape.get("required", []))
        kind = "structure"
        if shape.get("eventstream"):
            kind = "union"
            traits["smithy.api#streaming"] = {}
            required = set()
        elif shape.get("union"):
            kind = "union"
            required = set()
        elif shape.get("document"):
            return {"type": "document", "traits": traits}
        if shape.get("exception"):
            traits["smithy.api#error"] = "server" if shape.get("fault") else "client"
            error = shape.get("error", {})
            if "httpStatusCode" in error:
                traits["smithy.api#httpError"] = error["httpStatusCode"]
            if self.meta.get("awsQueryCompatible") is not None and "code" in error:
                query_error = {"code": error["code"]}
                if "httpStatusCode" in error:
                    query_error["httpResponseCode"] = error["httpStatusCode"]
                traits["aws.protocols#awsQueryError"] = query_error
        if "retryable" in shape:
            traits["smithy.api#retryable"] = {
                "throttling": bool(shape["retryable"].get("throttling", False))
            }
        members = {
            member_name: self.member(name, member_name, member, member_name in required)
            for member_name, member in shape.get("members", {}).items()
        }
        return {"type": kind, "members": members, "traits": traits}

    def enum(self, name, shape, traits):
        members = {}
        taken = set()
        for value in shape["enum"]:
            if value in (m["traits"]["smithy.api#enumValue"] for m in members.values()):
                self.note(f"{name}: enum value {value!r} twice, kept once")
                continue
            member_name = enum_member_name(value)
            base, n = member_name, 2
            while member_name in taken:
                member_name = f"{base}_{n}"
                n += 1
            taken.add(member_name)
            members[member_name] = {
                "target": "smithy.api#Unit",
                "traits": {"smithy.api#enumValue": value},
            }
        traits.pop("smithy.api#pattern", None)
        traits.pop("smithy.api#length", None)
        return {"type": "enum", "members": members, "traits": traits}

    def shape(self, name, shape):
        traits = {}
        documentation(traits, shape)
        deprecated(traits, shape)
        if shape.get("sensitive"):
            traits["smithy.api#sensitive"] = {}
        kind = shape["type"]
        constraints(traits, shape)
        if kind == "structure":
            return self.structure(name, shape, traits)
        if kind == "string" and shape.get("enum"):
            return self.enum(name, shape, traits)
        if kind == "list":
            return {"type": "list", "member": self.member(name, "member", shape["member"], False),
                    "traits": traits}  # fmt: skip
        if kind == "map":
            return {
                "type": "map",
                "key": self.member(name, "key", shape["key"], False),
                "value": self.member(name, "value", shape["value"], False),
                "traits": traits,
            }
        if kind not in SIMPLE_TYPES:
            raise ValueError(f"{self.name}: {name}: unknown type {kind}")
        if kind == "timestamp" and "timestampFormat" in shape:
            traits["smithy.api#timestampFormat"] = TIMESTAMP_FORMATS[shape["timestampFormat"]]
        if shape.get("streaming"):
            traits["smithy.api#streaming"] = {}
        if shape.get("requiresLength"):
            traits["smithy.api#requiresLength"] = {}
        return {"type": kind, "traits": traits}

    def references(self):
        """How often each shape is the target of a member, an input, an output."""
        counts = {}
        for shape in self.model["shapes"].values():
            members = list(shape.get("members", {}).values())
            members += [shape[k] for k in ("member", "key", "value") if k in shape]
            for member in members:
                counts[member["shape"]] = counts.get(member["shape"], 0) + 1
        for operation in self.model["operations"].values():
            for key in ("input", "output"):
                if key in operation:
                    target = operation[key]["shape"]
                    counts[target] = counts.get(target, 0) + 1
            for error in operation.get("errors", []):
                counts[error["shape"]] = counts.get(error["shape"], 0) + 1
        return counts

    def paginated(self, operation):
        """The @paginated trait of an operation from paginators-1, when botocore's entry
        fits it (one input and output token, member paths to shapes of the kinds Smithy
        allows); items only when there is one result key."""
        entry = self.paginators.get(operation["name"])
        if entry is None:
            return None
        why = None
        value = {}
        for key, smithy_key in (("input_token", "inputToken"), ("output_token", "outputToken"),
                                ("limit_key", "pageSize"), ("result_key", "items")):  # fmt: skip
            item = entry.get(key)
            if item is None:
                continue
            if isinstance(item, list):
                if len(item) != 1 and key == "result_key":
                    # Pages of several lists: AWS's models give no items then.
                    continue
                if len(item) != 1:
                    why = f"{len(item)} {key}s"
                    break
                item = item[0]
            if not re.fullmatch(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*", item):
                why = f"{key} {item!r} is an expression"
                break
            side = "input" if key in ("input_token", "limit_key") else "output"
            kind = self.path_kind(operation.get(side, {}).get("shape"), item)
            if kind not in PAGINATION_KINDS[key]:
                why = f"{key} {item!r} is a {kind or 'missing member'}"
                break
            value[smithy_key] = item
        if why is None and ("inputToken" in value) != ("outputToken" in value):
            why = "only one of the tokens"
        if why is None and "." in value.get("inputToken", ""):
            why = "input token is a path"
        if why is not None:
            self.note(f"{operation['name']}: paginator not mapped ({why})")
            return None
        return value

    def path_kind(self, shape_name, path):
        """The type of the shape at a member path (``None`` if there is none)."""
        for part in path.split("."):
            shape = self.model["shapes"].get(shape_name)
            if shape is None or part not in shape.get("members", {}):
                return None
            shape_name = shape["members"][part]["shape"]
        return self.model["shapes"][shape_name]["type"]

    def operation(self, operation):
        traits = {}
        documentation(traits, operation)
        deprecated(traits, operation)
        if operation.get("idempotent"):
            traits["smithy.api#idempotent"] = {}
        if operation.get("readonly"):
            traits["smithy.api#readonly"] = {}
        if "endpoint" in operation and "hostPrefix" in operation["endpoint"]:
            traits["smithy.api#endpoint"] = {"hostPrefix": operation["endpoint"]["hostPrefix"]}
        if operation.get("authtype") == "none" or "smithy.api#noAuth" in operation.get("auth", []):
            traits["smithy.api#auth"] = []
        for key in ("staticContextParams", "operationContextParams"):
            if key in operation:
                traits["smithy.rules#" + key] = operation[key]
        if operation.get("endpointdiscovery") is not None:
            discovery = {}
            if operation["endpointdiscovery"].get("required"):
                discovery["required"] = True
            traits["aws.api#clientDiscoveredEndpoint"] = discovery
        paginated = self.paginated(operation)
        if paginated is not None:
            traits["smithy.api#paginated"] = paginated
        out = {"type": "operation"}
        for key in ("input", "output"):
            target = operation.get(key, {}).get("shape")
            out[key] = {"target": self.id(target) if target else "smithy.api#Unit"}
        errors = [{"target": self.id(e["shape"])} for e in operation.get("errors", [])]
        if errors:
            out["errors"] = errors
        out["traits"] = traits
        return out

    def service_shape(self):
        meta = self.meta
        signing_name = meta.get("signingName", meta["endpointPrefix"])
        traits = {
            "aws.api#service": {
                "sdkId": meta["serviceId"],
                "arnNamespace": signing_name,
                "endpointPrefix": meta["endpointPrefix"],
            },
            "smithy.api#title": meta["serviceFullName"],
        }
        protocol = {"1.0": "aws.protocols#awsJson1_0", "1.1": "aws.protocols#awsJson1_1"}
        traits[protocol[meta["jsonVersion"]]] = {}
        if meta.get("awsQueryCompatible") is not None:
            traits["aws.protocols#awsQueryCompatible"] = {}
        auth = [a for a in meta.get("auth", ["aws.auth#sigv4"]) if a in AUTH_TRAITS]
        for scheme in auth:
            traits[scheme] = {"name": signing_name} if scheme.startswith("aws.auth") else {}
        if len(auth) > 1:
            traits["smithy.api#auth"] = auth
        documentation(traits, self.model)
        if self.rules is not None:
            traits["smithy.rules#endpointRuleSet"] = self.rules
        discovery = [o for o in self.model["operations"].values() if o.get("endpointoperation")]
        if discovery:
            traits["aws.api#clientEndpointDiscovery"] = {
                "operation": self.id(discovery[0]["name"])
                if discovery[0]["name"] in self.names
                else f"{self.ns}#{discovery[0]['name']}"
            }
        return {
            "type": "service",
            "version": meta["apiVersion"],
            "operations": [
                {"target": f"{self.ns}#{name}"} for name in sorted(self.model["operations"])
            ],
            "traits": traits,
        }

    def io_traits(self):
        """@input/@output on structures that are one operation's input (output) and
        nothing else, as AWS's models mark them."""
        counts = self.references()
        for operation in self.model["operations"].values():
            for key, trait in (("input", "smithy.api#input"), ("output", "smithy.api#output")):
                target = operation.get(key, {}).get("shape")
                if target and counts.get(target) == 1:
                    shape = self.shapes[self.id(target)]
                    if shape["type"] == "structure" and "smithy.api#error" not in shape["traits"]:
                        shape["traits"][trait] = {}

    def convert(self):
        for name, shape in self.model["shapes"].items():
            if name in self.model["operations"]:
                raise ValueError(f"{self.name}: {name} is a shape and an operation")
            self.shapes[self.id(name)] = self.shape(name, shape)
        self.io_traits()
        for name, operation in self.model["operations"].items():
            self.shapes[f"{self.ns}#{name}"] = self.operation(operation)
        self.shapes[f"{self.ns}#{self.service}"] = self.service_shape()
        for shape in self.shapes.values():
            if not shape.get("traits"):
                shape.pop("traits", None)
        for shape_id in self.shapes:
            if not IDENTIFIER.match(shape_id.split("#")[1]):
                raise ValueError(f"{self.name}: {shape_id} is no Smithy identifier")
        return {"smithy": "2.0", "shapes": dict(sorted(self.shapes.items()))}


def load(loader, name, kind):
    try:
        return loader.load_service_model(name, kind)
    except botocore.exceptions.UnknownServiceError:
        return None
    except botocore.exceptions.DataNotFoundError:
        return None


def main():
    out_dir = sys.argv[1]
    wanted = set(sys.argv[2:])
    os.makedirs(out_dir, exist_ok=True)
    loader = botocore.session.get_session().get_component("data_loader")
    index = []
    for name in loader.list_available_services("service-2"):
        if wanted and name not in wanted:
            continue
        model = loader.load_service_model(name, "service-2")
        if model["metadata"].get("protocol") != "json":
            continue
        paginators = (load(loader, name, "paginators-1") or {}).get("pagination", {})
        rules = load(loader, name, "endpoint-rule-set-1")
        converter = Converter(name, model, paginators, rules)
        smithy = converter.convert()
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(smithy, f, indent=1)
        meta = model["metadata"]
        index.append(
            {
                "service": name,
                "file": name + ".json",
                "target_prefix": meta["targetPrefix"],
                "service_shape": converter.service,
                "media_type": "application/x-amz-json-" + meta["jsonVersion"],
                "query_compatible": meta.get("awsQueryCompatible") is not None,
                "operations": sorted(model["operations"]),
                "event_stream_operations": sorted(
                    o["name"] for o in model["operations"].values() if streams(model, o)
                ),
                "shapes": len(model["shapes"]),
                "notes": converter.notes,
            }
        )
    with open(os.path.join(out_dir, "index.json"), "w") as f:
        json.dump({"botocore": botocore.__version__, "services": index}, f, indent=1)


def streams(model, operation):
    """Whether an operation's input or output has an event stream or streaming blob."""
    for key in ("input", "output"):
        target = model["shapes"].get(operation.get(key, {}).get("shape"))
        for member in (target or {}).get("members", {}).values():
            shape = model["shapes"][member["shape"]]
            if shape.get("eventstream") or shape.get("streaming"):
                return True
    return False


if __name__ == "__main__":
    main()
