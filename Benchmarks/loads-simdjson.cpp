// `make bench-loads` (loads.py --same-records): what the fastest JSON parser we know of, simdjson
// (C++, SIMD; Debian's libsimdjson-dev), does with the same 1M-entity tnet JSON, on one thread,
// as a floor for issue 19's JSON load. Three passes over the file, each timed on its own:
//
//   read   the file into simdjson's padded buffer (from the page cache);
//   walk   every value of every entity and link visited on demand, strings unescaped, nothing
//          kept: the least any reader that checks the whole document must do;
//   graph  the entities' ids numbered in a hash table and the links' ends looked up in it, into
//          two arrays of numbers: a bare graph, as NetworKit reads from the edge list, and no
//          kinds, grades, sources, periods or attributes.
//
// Prints "read S walk S graph S ENTITIES LINKS" (seconds). Not part of tnet: a peer, built by
// loads.py with g++ -O3 -march=native when the header is there.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

double seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Visits a value and everything in it; returns the bytes of the strings seen (so that the
// compiler keeps the work).
size_t visit(simdjson::ondemand::value v) {
    switch (v.type()) {
    case simdjson::ondemand::json_type::object: {
        size_t n = 0;
        for (auto field : v.get_object()) {
            n += field.unescaped_key().value().size();
            n += visit(field.value());
        }
        return n;
    }
    case simdjson::ondemand::json_type::array: {
        size_t n = 0;
        for (auto element : v.get_array()) n += visit(element.value());
        return n;
    }
    case simdjson::ondemand::json_type::string: return v.get_string().value().size();
    case simdjson::ondemand::json_type::number: return v.get_double().value() != 0;
    case simdjson::ondemand::json_type::boolean: return v.get_bool().value();
    case simdjson::ondemand::json_type::null: return v.is_null();
    }
    return 0;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: loads-simdjson FILE.json\n");
        return 2;
    }
    try {
        double t0 = seconds();
        simdjson::padded_string json = simdjson::padded_string::load(argv[1]);
        double t1 = seconds();

        simdjson::ondemand::parser parser;
        size_t visited = 0;
        {
            simdjson::ondemand::document doc = parser.iterate(json);
            for (auto field : doc.get_object()) visited += visit(field.value());
        }
        double t2 = seconds();

        std::unordered_map<std::string_view, int> number;
        number.reserve(1 << 21);
        std::vector<int> sources, targets;
        sources.reserve(1 << 21);
        targets.reserve(1 << 21);
        {
            simdjson::ondemand::document doc = parser.iterate(json);
            for (auto field : doc.get_object()) {
                std::string_view key = field.unescaped_key();
                if (key == "entities") {
                    for (auto entity : field.value().get_array()) {
                        for (auto f : entity.get_object()) {
                            if (f.unescaped_key().value() == "id") {
                                // The view points into the parser's string buffer, which the
                                // next document reuses: the ids are kept only for this pass.
                                number.emplace(f.value().get_string().value(), static_cast<int>(number.size()));
                            }
                        }
                    }
                } else if (key == "links") {
                    for (auto link : field.value().get_array()) {
                        int s = -1, t = -1;
                        for (auto f : link.get_object()) {
                            std::string_view k = f.unescaped_key();
                            if (k == "source") {
                                auto it = number.find(f.value().get_string().value());
                                s = it == number.end() ? -1 : it->second;
                            } else if (k == "target") {
                                auto it = number.find(f.value().get_string().value());
                                t = it == number.end() ? -1 : it->second;
                            }
                        }
                        sources.push_back(s);
                        targets.push_back(t);
                    }
                }
            }
        }
        double t3 = seconds();
        std::printf("read %.3f walk %.3f graph %.3f %zu %zu %zu\n", t1 - t0, t2 - t1, t3 - t2, number.size(),
                    sources.size(), visited % 2);
    } catch (const simdjson::simdjson_error &e) {
        std::fprintf(stderr, "loads-simdjson: %s\n", e.what());
        return 1;
    }
    return 0;
}
