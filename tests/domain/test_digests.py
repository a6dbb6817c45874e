"""Digests taken without OpenSSL equal hashlib's: fingerprints recorded in packs and the
sha256 of source texts in sources.toml must keep matching whichever code computed them."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefcase_tui.domain import digests


@given(st.binary(max_size=300))
def test_sha256_is_hashlibs_on_either_side_of_the_openssl_threshold(data: bytes) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(digests, "OPENSSL_FROM", 150)
        assert digests.sha256_hex(data) == hashlib.sha256(data).hexdigest()


@given(st.binary(max_size=300), st.integers(min_value=1, max_value=64))
def test_blake2b_is_hashlibs(data: bytes, size: int) -> None:
    assert (
        digests.blake2b(data, digest_size=size).hexdigest()
        == hashlib.blake2b(data, digest_size=size).hexdigest()
    )
