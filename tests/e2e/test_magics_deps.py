"""%maven and %jars through jupyter_client: a library from Maven used in a cell and inside a Flink
job, a local jar that brings a renderer and a magic, and the bad inputs, each followed by a cell
that still sees every variable."""
import os
import shutil
import subprocess
import textwrap

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL, Kernel

# 1.10.0 needs nothing the kernel lacks; 1.14.1 needs a newer commons-io than the kernel's
CSV = "org.apache.commons:commons-csv:1.10.0"


@pytest.fixture(scope="module")
def kernel():
    k = Kernel(KERNEL)
    k.ok("int survivor = 41;")
    yield k
    k.shutdown()


def still_alive(kernel):
    assert kernel.value("survivor + 1") == "42"


def test_maven_adds_a_library_for_cells_and_for_flink_jobs(kernel):
    cell = kernel.ok(f"%maven {CSV}")
    html = cell.results[0]["text/html"]
    assert "org.apache.commons:commons-csv" in html and "1.10.0" in html and "added" in html
    assert kernel.value(
        'org.apache.commons.csv.CSVFormat.DEFAULT.format("a", "b,c")') == 'a,"b,c"'
    rows = kernel.value(
        'env.fromData("x,1", "y,2")'
        '.map(line -> org.apache.commons.csv.CSVParser.parse(line, org.apache.commons.csv.CSVFormat.DEFAULT)'
        '.getRecords().get(0).get(1))'
        '.executeAndCollect(10)')
    assert rows == "[1, 2]"
    # a second call finds it there
    assert "added before" in kernel.ok(f"%maven {CSV}").results[0]["text/html"]


def test_maven_warns_when_a_library_wants_a_newer_version_than_the_kernels(kernel):
    cell = kernel.ok("%maven org.apache.commons:commons-text:1.12.0")
    html = cell.results[0]["text/html"]
    assert "org.apache.commons:commons-text" in html and "in the kernel, older than the 1.12.0 asked for" in html
    assert "the kernel keeps its org.apache.commons:commons-text 1.10.0" in cell.stderr


def test_maven_keeps_the_kernels_slf4j(kernel):
    cell = kernel.ok("%maven org.slf4j:slf4j-api:2.0.17")
    assert "1.7.36" in cell.result and "in the kernel" in cell.result
    assert "0 jars added" in cell.result


def test_maven_unknown_artifact_says_where_it_looked(kernel):
    cell = kernel.run("%maven org.apache.commons:commons-no-such-thing:1.0")
    assert cell.status == "error"
    assert "org.apache.commons:commons-no-such-thing" in cell.traceback
    assert "central (https://repo.maven.apache.org/maven2/)" in cell.traceback
    assert "at java." not in cell.traceback, "a user error shows no stack trace"
    still_alive(kernel)


def test_maven_bad_inputs_are_errors(kernel):
    cell = kernel.run("%maven")
    assert cell.reply["content"]["ename"] == "UsageError"
    assert "Missing required parameter: 'COORDINATES'" in cell.traceback
    cell = kernel.run(f"%maven {CSV} --mirror x")
    assert cell.reply["content"]["ename"] == "UsageError"
    assert "Unknown option: '--mirror'" in cell.traceback
    cell = kernel.run("%maven commons-csv")
    assert "bad coordinates 'commons-csv'" in cell.traceback
    still_alive(kernel)


def test_maven_help(kernel):
    out = kernel.ok("%maven --help").stdout
    assert "Usage: %maven" in out and "--exclude" in out and "--repo" in out


def _extension_jar(tmp_path):
    """A jar with a value type, a RendererProvider for it and a MagicProvider, compiled here."""
    javac = shutil.which("javac")
    if javac is None:
        pytest.skip("no javac on PATH")
    # the kernel's own jars, to compile against its display and magics API
    lib = os.path.join(KernelSpecManager().get_kernel_spec(KERNEL).resource_dir, "lib")
    src = tmp_path / "src" / "ext"
    src.mkdir(parents=True)
    (src / "Money.java").write_text(textwrap.dedent("""
        package ext;
        public record Money(long cents) {}
    """))
    (src / "MoneyRenderers.java").write_text(textwrap.dedent("""
        package ext;
        import dev.flinkjupyter.display.*;
        public final class MoneyRenderers implements RendererProvider {
            public void registerInto(Renderers renderers) {
                renderers.register(Money.class, (m, c) -> MimeBundle.text("EUR " + m.cents() / 100 + "." + m.cents() % 100));
            }
        }
    """))
    (src / "HelloMagic.java").write_text(textwrap.dedent("""
        package ext;
        import dev.flinkjupyter.magics.*;
        import picocli.CommandLine.*;
        @Command(name = "hello", description = "Greets.")
        public final class HelloMagic implements LineMagic, MagicProvider {
            @Parameters(index = "0") String who;
            public Object run(Session session) { return "hello " + who; }
            public java.util.List<Class<?>> magics() { return java.util.List.of(HelloMagic.class); }
        }
    """))
    classes = tmp_path / "classes"
    subprocess.run([javac, "--release", "17", "-d", str(classes), "-cp", os.path.join(lib, "*")]
                   + [str(p) for p in src.glob("*.java")], check=True)
    services = classes / "META-INF" / "services"
    services.mkdir(parents=True)
    (services / "dev.flinkjupyter.display.RendererProvider").write_text("ext.MoneyRenderers\n")
    (services / "dev.flinkjupyter.magics.MagicProvider").write_text("ext.HelloMagic\n")
    jars = tmp_path / "jars"
    jars.mkdir()
    shutil.make_archive(str(jars / "money-ext"), "zip", classes)
    os.rename(jars / "money-ext.zip", jars / "money-ext-1.0.jar")
    return jars


def test_jars_adds_a_local_jar_with_its_renderer_and_magic(kernel, tmp_path):
    jars = _extension_jar(tmp_path)
    cell = kernel.ok(f"%jars {jars}/*.jar")
    assert "money-ext-1.0.jar" in cell.results[0]["text/html"] and "1 jar added of 1 matched" in cell.result
    assert "Renderers installed from: ext.MoneyRenderers" in cell.stdout
    assert kernel.value("new ext.Money(1250)") == "EUR 12.50"
    assert kernel.value("%hello notebook") == "hello notebook"
    still_alive(kernel)


def test_jars_matching_nothing_names_the_pattern_and_the_directory(kernel, tmp_path):
    cell = kernel.run(f"%jars {tmp_path}/nothing/*.jar")
    assert cell.status == "error"
    assert f"no file matches '{tmp_path}/nothing/*.jar'" in cell.traceback
    cell = kernel.run("%jars no-such-dir/*.jar")
    assert "no file matches 'no-such-dir/*.jar' in /" in cell.traceback
    cell = kernel.run("%jars")
    assert cell.reply["content"]["ename"] == "UsageError"
    still_alive(kernel)
