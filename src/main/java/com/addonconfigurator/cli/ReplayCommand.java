package com.addonconfigurator.cli;

import com.addonconfigurator.app.AppConfigReader;
import com.addonconfigurator.evaluation.EvaluationService;
import com.addonconfigurator.json.Json;
import com.addonconfigurator.quotes.QuoteRefusedException;
import com.addonconfigurator.quotes.QuoteService;
import com.addonconfigurator.quotes.QuoteSettings;
import com.addonconfigurator.quotes.QuoteStore;
import com.addonconfigurator.quotes.Replayer;
import com.addonconfigurator.rules.RuleEngine;
import com.addonconfigurator.rules.cache.CompiledRulesCache;
import com.addonconfigurator.store.Database;
import com.addonconfigurator.store.DatabaseSettings;
import com.addonconfigurator.store.StoreUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code replay QUOTE_ID}: re-runs a kept quote on the ruleset archived with it, from the database
 * the service uses (DATA_DIR or DATABASE_URL), and prints whether the answer is identical, with
 * every difference. Exit 0 when identical, 1 when not (or the quote or database cannot be read), 2
 * on a usage error.
 */
final class ReplayCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    ReplayCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> raw) {
        Args args;
        RuleEngine engine;
        DatabaseSettings settings;
        try {
            args = Args.parse(raw, Set.of(Args.FIRING_LIMIT), Set.of());
            if (args.positional.size() != 1) {
                throw new Args.UsageException("replay needs one QUOTE_ID");
            }
            engine = args.engine(env);
            settings = AppConfigReader.database(env);
        } catch (Args.UsageException e) {
            err.println("replay: " + e.getMessage());
            return Cli.USAGE;
        }
        String id = args.positional.get(0);
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = Json.newMapper();
        try (Database database = new Database(settings, clock)) {
            QuoteStore store = new QuoteStore(database);
            EvaluationService evaluation = new EvaluationService(() -> null, engine, clock);
            QuoteService quotes = new QuoteService(
                    () -> null, evaluation, store, new QuoteSettings(settings, null, null), clock, mapper);
            Replayer replayer = new Replayer(
                    quotes,
                    store,
                    () -> null,
                    Rulesets.loader(env, CompiledRulesCache.in(AppConfigReader.rulesCacheDir(env))),
                    evaluation,
                    mapper);
            Replayer.Replay replay = replayer.replay(id);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(replay));
            return replay.identical() ? 0 : 1;
        } catch (QuoteRefusedException e) {
            err.println("replay: no quote " + id + " in " + settings.describe());
            return 1;
        } catch (StoreUnavailableException e) {
            err.println("replay: " + e.getMessage()
                    + (settings.isEmbedded()
                            ? " (the embedded database is open in a running service? replay there:"
                                    + " GET /api/v1/quotes/" + id + "/replay)"
                            : ""));
            return 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
