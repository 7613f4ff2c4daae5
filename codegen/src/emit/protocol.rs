//! The protocol's part of the emitter: the constant through which every operation of a
//! crate hands its [`Protocol`] to the runtime (`crate::protocol`, which holds the wire
//! rules). A new protocol adds its variant here, in [`crate::plan::protocol`] and in the
//! runtime.

use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::protocol::{AwsJsonVersion, Protocol};

/// `pub(crate) const PROTOCOL`: the service's protocol, which every operation passes to
/// the runtime.
pub(super) fn protocol_const(protocol: Protocol) -> TokenStream {
    let version = match protocol.version {
        AwsJsonVersion::V1_0 => quote!(V1_0),
        AwsJsonVersion::V1_1 => quote!(V1_1),
    };
    let query_compatible = protocol
        .query_compatible
        .then(|| quote!(.query_compatible()));
    let doc = format!(
        " The service's protocol, `aws.protocols#{}`.",
        protocol.name()
    );
    quote! {
        #[doc = #doc]
        pub(crate) const PROTOCOL: crate::protocol::AwsJson = crate::protocol::AwsJson::#version #query_compatible;
    }
}
