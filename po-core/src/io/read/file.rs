//! A file read into memory, a large one on the machine's cores (issue 36): reading a 156 MB
//! export is mostly the kernel's copy into fresh pages, and two threads reading the two halves
//! at their offsets halve it. The file is read as long as it was when opened.

use std::path::Path;

/// Files of at least this many bytes are read in parts (below it a thread costs more than it
/// saves).
const PARTS_FROM: u64 = 8 << 20;

/// The bytes of the file at `path`; the error is the operating system's, as
/// [`std::fs::read`]'s.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let threads = super::chunked::threads();
    match usize::try_from(len) {
        Ok(len) if cfg!(unix) && threads > 1 && len as u64 >= PARTS_FROM => {
            in_parts(&file, len, threads)
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut &file, &mut bytes)?;
            Ok(bytes)
        }
    }
}

#[cfg(unix)]
fn in_parts(file: &std::fs::File, len: usize, threads: usize) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut bytes = vec![0u8; len];
    let size = len.div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = bytes
            .chunks_mut(size)
            .zip((0u64..).step_by(size))
            .map(|(part, at)| s.spawn(move || file.read_exact_at(part, at)))
            .collect();
        parts
            .into_iter()
            .try_for_each(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })?;
    Ok(bytes)
}

#[cfg(not(unix))]
fn in_parts(file: &std::fs::File, _len: usize, _threads: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut &*file, &mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_reads_as_the_standard_library_reads_it() {
        let dir = std::env::temp_dir().join(format!("po-read-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for len in [0usize, 10, (8 << 20) + 12_345] {
            let path = dir.join(format!("{len}.csv"));
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            assert!(read_file(&path).unwrap() == bytes, "{len} bytes");
        }
        let missing = read_file(&dir.join("missing.csv")).unwrap_err();
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
