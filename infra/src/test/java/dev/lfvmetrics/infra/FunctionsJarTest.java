package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsJarTest {

    @TempDir
    Path repo;

    private Path jar;

    @BeforeEach
    void layOutARepository() throws IOException {
        Files.writeString(repo.resolve("cdk.json"), "{\"app\":\"true\"}");
        Files.createDirectories(repo.resolve("infra"));
        jar = repo.resolve(FunctionsJar.DEFAULT_PATH);
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {'P', 'K', 3, 4});
    }

    @Test
    void givenNoContext_whenResolvedFromTheRepositoryRoot_thenTheReactorJarIsFound() {
        assertThat(FunctionsJar.resolve(null, repo)).isEqualTo(jar.toAbsolutePath().normalize());
    }

    @Test
    void givenNoContext_whenResolvedFromTheInfraModule_thenTheRootIsFoundThroughCdkJson() {
        assertThat(FunctionsJar.resolve("", repo.resolve("infra"))).isEqualTo(jar.toAbsolutePath().normalize());
    }

    @Test
    void givenAnAbsolutePath_whenResolved_thenItIsUsedAsIs() throws IOException {
        Path elsewhere = Files.createTempFile(repo, "other", ".jar");

        assertThat(FunctionsJar.resolve(elsewhere.toString(), repo.resolve("infra"))).isEqualTo(elsewhere);
    }

    @Test
    void givenAMissingJar_whenResolved_thenTheErrorNamesEveryPathTriedAndHowToBuildIt() throws IOException {
        Files.delete(jar);

        assertThatThrownBy(() -> FunctionsJar.resolve(null, repo.resolve("infra")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'functionsJar'")
                .hasMessageContaining(repo.resolve("infra").resolve(FunctionsJar.DEFAULT_PATH).toString())
                .hasMessageContaining(jar.toString())
                .hasMessageContaining("mvn -B -DskipTests package");
    }

    @Test
    void givenAFileThatIsNotAnArchive_whenResolved_thenItIsRejected() {
        assertThatThrownBy(() -> FunctionsJar.resolve("functions/target/classes", repo))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("is not a .jar or .zip file");
    }
}
