package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*
import java.time.LocalDate

/** Identity numbers and keyed pseudonyms: objects as in Python, never showing the number. */
class IdentityTest {
    @Test
    fun `a personnummer parses to its birth date, kind, gender, age and forms`() {
        val info = IdentityNumber.parse("19121212-1212", REF)
        check(info.birthDate() == LocalDate.of(1912, 12, 12), "birth date")
        check(info.kind() == "personnummer" && info.legalGender() == "man", "kind and gender")
        check(info.ageOn(REF) == 113 && info.toLong() == "191212121212" && info.toShort(REF) == "121212+1212", "age and forms")
        check(!info.toString().contains("1212121212"), "toString hides the number: $info")
    }

    @Test
    fun `a samordningsnummer gives the birth day without the 60 added`() {
        val con = IdentityNumber.parse("7306749982", REF)
        check(con.kind() == "samordningsnummer" && con.birthDate() == LocalDate.of(1973, 6, 14), "samordningsnummer")
    }

    @Test
    fun `a wrong check digit is refused without echoing the number`() {
        val bad = expectThrows<PoException.InvalidIdentityNumber>("bad check digit") {
            IdentityNumber.parse("19121212-1213", REF)
        }
        check(bad.message!!.contains("check digit") && !bad.message!!.contains("1213"), "message hides number")
        expectThrows<PoException.InvalidIdentityNumber>("year 1212") { IdentityNumber.parse("12121212+1212", REF) }
    }

    @Test
    fun `pseudonyms are keyed and the same as Rust's and Python's`() {
        val key = "0123456789abcdef".toByteArray()
        PseudonymKey(key).use { k ->
            IdentityNumber.parse("121212-1212", REF).use { number ->
                check(k.pseudonym(number) == "305b8ffeba0adbbe0efca4a03114edee", "pseudonym")
                check(k.pseudonymOfId("201212121212") != k.pseudonym(number), "an id never collides with a number")
            }
            check(k.pseudonymOfId("SYNTHETIC-000001") == "79cc68d0c095a840ae6ef46261e1f9c9", "pseudonym of an id")
        }
    }

    @Test
    fun `a key shorter than 16 bytes is refused`() {
        expectThrows<PoException.InvalidInput>("short key") { PseudonymKey("short".toByteArray()) }
        expectThrows<PoException.InvalidInput>("short key for an id") { PseudonymKey(ByteArray(15)) }
    }
}
