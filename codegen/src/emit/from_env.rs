//! Emits what ties the client to AWS for a service that signs with SigV4
//! (`aws.auth#sigv4`), appended to `src/client.rs`: the signing name, a constructor from
//! an `AwsConfig` (feature `sigv4`) and `Client::from_env()` (features `sigv4` and
//! `reqwest`). The signing and the transport are the runtime's (`sigv4`, `http_client`).

use proc_macro2::TokenStream;
use quote::quote;

use super::prelude::*;
use crate::plan::Plan;

/// The signing name constant and the AWS constructors; nothing for a service without a
/// signing name or a crate without operations.
pub fn emit(plan: &Plan) -> TokenStream {
    let Some(signing_name) = &plan.service.signing_name else {
        return quote!();
    };
    if !super::RuntimeFeatures::of(plan).signing {
        return quote!();
    }
    let service_env = endpoint_env_suffix(plan);
    // With endpoint rules that take the region, the region also picks the endpoint.
    let rules_take_region = plan.service.endpoint_rules.as_ref().is_some_and(|rules| {
        rules
            .params
            .iter()
            .any(|p| p.built_in.as_deref() == Some("AWS::Region"))
    });
    let endpoint_doc = if rules_take_region {
        format!(
            " `AWS_ENDPOINT_URL_{service_env}`, else `AWS_ENDPOINT_URL`, else the model's endpoint rules for the region."
        )
    } else {
        format!(
            " `AWS_ENDPOINT_URL_{service_env}`, else `AWS_ENDPOINT_URL`; without either, requests fail with a \"no endpoint\" error (set one with [`with_endpoint`](Client::with_endpoint))."
        )
    };
    let (keep_region, set_region) = if rules_take_region {
        (
            quote!(let region = config.region.clone();),
            quote!(.with_region(region)),
        )
    } else {
        (quote!(), quote!())
    };
    quote! {
        /// The name this service's requests are signed with (SigV4), from the model.
        pub const SIGNING_NAME: &str = #signing_name;

        #[cfg(feature = "sigv4")]
        impl<T: Transport> Client<crate::sigv4::SigV4<T>> {
            /// A client that signs its requests with `config`'s credentials for its region
            /// and sends them through `transport`, to `config`'s endpoint if it has one
            /// (else where the model's endpoint rules, if any, send that region).
            pub fn with_aws_config(transport: T, config: crate::sigv4::AwsConfig) -> Self {
                #keep_region
                let signer = crate::sigv4::SigV4::new(transport, SIGNING_NAME, config.region, config.credentials);
                let client = Client::new(signer) #set_region;
                match config.endpoint {
                    #SOME(endpoint) => client.with_endpoint(endpoint),
                    #NONE => client,
                }
            }
        }

        #[cfg(all(feature = "sigv4", feature = "reqwest"))]
        impl Client<crate::sigv4::SigV4<crate::http_client::ReqwestTransport>> {
            /// A client ready to call AWS: requests signed with the credentials of
            /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` for the
            /// region of `AWS_REGION` (else `AWS_DEFAULT_REGION`), sent over reqwest
            /// (rustls). The endpoint comes from
            #[doc = #endpoint_doc]
            pub async fn from_env() -> #RESULT<Self, crate::sigv4::ConfigError> {
                let config = crate::sigv4::AwsConfig::from_env(#service_env)?;
                let transport = crate::http_client::ReqwestTransport::new()
                    .map_err(crate::sigv4::ConfigError::transport)?;
                #OK(Self::with_aws_config(transport, config))
            }
        }
    }
}

/// The service part of `AWS_ENDPOINT_URL_<SERVICE>`: the SDK ID (else the service's shape
/// name) in upper case, with `_` for spaces and hyphens, as the AWS SDKs read it.
fn endpoint_env_suffix(plan: &Plan) -> String {
    let id = plan.service.sdk_id.as_deref().unwrap_or(&plan.service.name);
    id.chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}
