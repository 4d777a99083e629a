package dev.portqry.cli.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portqry.cli.ArgumentParser;
import dev.portqry.cli.CliException;
import dev.portqry.cli.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModeTest {
    @Test
    void systemsWithoutProcNetAreNotSupported(@TempDir Path emptyProc) {
        List<String> out = new ArrayList<>();
        LocalMode mode = new LocalMode(out::add, () -> false, () -> "escape key pressed", () -> "Wed Dec  2 16:00:00 2026", emptyProc);
        assertThatThrownBy(() -> mode.run(ArgumentParser.parse(List.of("-local"))))
                .isInstanceOfSatisfying(CliException.class, e -> Assertions.assertThat(e.exitCode()).isEqualTo(ExitCodes.FAILURE))
                .hasMessageContaining("not supported on this system");
        Assertions.assertThat(out).isEmpty();
    }
}
