package se.po.ffi.tests

import org.junit.jupiter.api.Test
import se.po.ffi.*

/** The library is found in the jar's resources, at JNA's path, with no library path set. */
class NativeLibraryTest {
    @Test
    fun `the native library loads from the classpath and is the crates' version`() {
        check(System.getProperty("jna.library.path") == null, "no jna.library.path: the classpath alone")
        val resource = NativeLibraryTest::class.java.classLoader.getResource("linux-x86-64/libpo_ffi.so")
        check(resource != null, "linux-x86-64/libpo_ffi.so is a resource of the artifact")
        check(libraryVersion() == property("po.version"), "library ${libraryVersion()} = pom ${property("po.version")}")
    }
}
