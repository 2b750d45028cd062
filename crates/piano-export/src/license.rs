//! The licence a release is published under, named by an SPDX identifier
//! or a URL: CC BY 4.0 unless the publisher says otherwise. The data package
//! and the DCAT-AP_IT catalogue both declare it.

use std::fmt;
use std::str::FromStr;

/// A licence: an SPDX identifier (`CC-BY-4.0`) or the URL of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum License {
    /// An SPDX licence identifier.
    Spdx(String),
    /// The URL of the licence's text.
    Url(String),
}

/// Licences known by more than their SPDX identifier: the URL of the text,
/// the title, and the licence type of the ADMS vocabulary DCAT-AP_IT uses.
struct Known {
    spdx: &'static str,
    url: &'static str,
    title: &'static str,
    adms_type: &'static str,
}

const ADMS_LICENCE_TYPE: &str = "http://purl.org/adms/licencetype/";

const KNOWN: &[Known] = &[
    Known {
        spdx: "CC-BY-4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
        title: "Creative Commons Attribution 4.0 International",
        adms_type: "Attribution",
    },
    Known {
        spdx: "CC0-1.0",
        url: "https://creativecommons.org/publicdomain/zero/1.0/",
        title: "Creative Commons Zero v1.0 Universal",
        adms_type: "PublicDomain",
    },
    Known {
        spdx: "CC-BY-SA-4.0",
        url: "https://creativecommons.org/licenses/by-sa/4.0/",
        title: "Creative Commons Attribution Share Alike 4.0 International",
        adms_type: "ShareAlike",
    },
];

/// A text that is neither an SPDX identifier nor an http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is neither an SPDX licence identifier (CC-BY-4.0) nor an http(s) URL")]
pub struct LicenseError(String);

impl Default for License {
    /// CC BY 4.0, the licence Italian open data defaults to.
    fn default() -> License {
        License::Spdx("CC-BY-4.0".to_owned())
    }
}

impl FromStr for License {
    type Err = LicenseError;

    fn from_str(text: &str) -> Result<License, LicenseError> {
        let text = text.trim();
        let is_url = ["http://", "https://"]
            .iter()
            .any(|scheme| text.len() > scheme.len() && text.starts_with(scheme))
            && !text.contains(char::is_whitespace);
        let is_spdx = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
        match (is_url, is_spdx) {
            (true, _) => Ok(License::Url(text.to_owned())),
            (false, true) => Ok(License::Spdx(text.to_owned())),
            (false, false) => Err(LicenseError(text.to_owned())),
        }
    }
}

impl License {
    /// The SPDX identifier, when the licence was named by one.
    pub fn spdx(&self) -> Option<&str> {
        match self {
            License::Spdx(id) => Some(id),
            License::Url(_) => None,
        }
    }

    /// The URL of the licence's text: the given one, the known one for a few
    /// SPDX identifiers, else the SPDX licence list's page.
    pub fn url(&self) -> String {
        match (self, self.known()) {
            (License::Url(url), _) => url.clone(),
            (_, Some(known)) => known.url.to_owned(),
            (License::Spdx(id), None) => format!("https://spdx.org/licenses/{id}.html"),
        }
    }

    /// A title for people: the licence's name where known, else how it was given.
    pub fn title(&self) -> String {
        match self.known() {
            Some(known) => known.title.to_owned(),
            None => self.to_string(),
        }
    }

    /// The ADMS licence type (`http://purl.org/adms/licencetype/Attribution`),
    /// where known.
    pub fn adms_type(&self) -> Option<String> {
        self.known()
            .map(|known| format!("{ADMS_LICENCE_TYPE}{}", known.adms_type))
    }

    fn known(&self) -> Option<&'static Known> {
        let spdx = self.spdx()?;
        KNOWN
            .iter()
            .find(|known| known.spdx.eq_ignore_ascii_case(spdx))
    }
}

impl fmt::Display for License {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            License::Spdx(id) => f.write_str(id),
            License::Url(url) => f.write_str(url),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_urls_are_told_apart() {
        assert_eq!("CC0-1.0".parse(), Ok(License::Spdx("CC0-1.0".to_owned())));
        assert_eq!(
            " https://www.dati.gov.it/iodl/2.0/ ".parse(),
            Ok(License::Url("https://www.dati.gov.it/iodl/2.0/".to_owned()))
        );
        assert!("CC BY 4.0".parse::<License>().is_err());
        assert!("https://".parse::<License>().is_err());
        assert!("".parse::<License>().is_err());
    }

    #[test]
    fn known_licences_have_their_url_and_type() {
        let default = License::default();
        assert_eq!(
            default.url(),
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert_eq!(
            default.adms_type().as_deref(),
            Some("http://purl.org/adms/licencetype/Attribution")
        );
        let other = License::Spdx("MIT".to_owned());
        assert_eq!(other.url(), "https://spdx.org/licenses/MIT.html");
        assert_eq!(other.adms_type(), None);
        assert_eq!(other.title(), "MIT");
    }
}
