//! Last resort for a truncated PDF whose catalog or page tree was cut off:
//! find the page objects that survive by scanning the bytes, and append a
//! page tree, a catalog and a trailer naming them, so that lopdf's
//! reconstructing loader can read those pages.

/// How far into an object its `/Type` is looked for.
const OBJECT_HEAD: usize = 2048;

/// The bytes with a new page tree over every surviving page object, or
/// `None` when no page object is found.
pub(crate) fn with_page_tree(bytes: &[u8]) -> Option<Vec<u8>> {
    let objects = object_starts(bytes);
    let mut pages = Vec::new();
    let mut max_id = 0u32;
    for (index, &(id, generation, start)) in objects.iter().enumerate() {
        max_id = max_id.max(id);
        let end = objects
            .get(index + 1)
            .map_or(bytes.len(), |next| next.2)
            .min(start + OBJECT_HEAD);
        if is_page(&bytes[start..end]) {
            pages.push((id, generation));
        }
    }
    if pages.is_empty() {
        return None;
    }
    let kids: Vec<String> = pages.iter().map(|(id, g)| format!("{id} {g} R")).collect();
    let (tree, catalog) = (max_id + 1, max_id + 2);
    let tail = format!(
        "\n{tree} 0 obj\n<</Type/Pages/Kids[{}]/Count {}>>\nendobj\n\
         {catalog} 0 obj\n<</Type/Catalog/Pages {tree} 0 R>>\nendobj\n\
         trailer\n<</Size {}/Root {catalog} 0 R>>\n%%EOF\n",
        kids.join(" "),
        pages.len(),
        catalog + 1
    );
    let mut repaired = bytes.to_vec();
    repaired.extend_from_slice(tail.as_bytes());
    Some(repaired)
}

/// `(id, generation, offset)` of each `id generation obj` header starting a line.
fn object_starts(bytes: &[u8]) -> Vec<(u32, u16, usize)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte == b'\n' || byte == b'\r' {
            if let Some(header) = header(&bytes[line_start..i]) {
                found.push((header.0, header.1, line_start));
            }
            line_start = i + 1;
        }
    }
    found
}

/// Parses `12 0 obj` (and `12 0 obj<<…` on the same line).
fn header(line: &[u8]) -> Option<(u32, u16)> {
    let text = std::str::from_utf8(line.get(..line.len().min(40))?).ok()?;
    let mut parts = text.trim_start().splitn(3, ' ');
    let id = parts.next()?.parse().ok()?;
    let generation = parts.next()?.parse().ok()?;
    parts.next()?.starts_with("obj").then_some((id, generation))
}

/// Whether an object's head declares `/Type /Page` (not `/Pages`).
fn is_page(object: &[u8]) -> bool {
    let squashed: Vec<u8> = object
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    squashed
        .windows(10)
        .enumerate()
        .any(|(i, w)| w == b"/Type/Page" && squashed.get(i + 10) != Some(&b's'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surviving_pages_get_a_new_tree() {
        let cut = b"%PDF-1.4\n1 0 obj\n<</Type/Page/Parent 9 0 R/Contents 2 0 R>>\nendobj\n\
                    2 0 obj\n<</Length 5>>stream\nBT ET\nendstream\nendobj\n\
                    3 0 obj\n<</Type /Pages/Kids[1 0 R]>>\nendobj\n4 0 obj\n<</Type /Page /Contents 2";
        let repaired = with_page_tree(cut).expect("page objects survive");
        let tail = String::from_utf8_lossy(&repaired[cut.len()..]).into_owned();
        assert!(tail.contains("/Kids[1 0 R 4 0 R]/Count 2"), "{tail}");
        assert!(tail.contains("/Root 6 0 R"), "{tail}");
    }

    #[test]
    fn no_pages_no_repair() {
        assert_eq!(with_page_tree(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), None);
    }
}
