package org.splitcast.it.support;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Test-only, deployed beside the EAR in the test server: every row of every table of the
 * application's schema, read over plain JDBC, as JSON {@code {table: [{column: value}]}} with
 * binary values in base64 (marked {@code {"bytes": ...}}). It knows no table: it lists them from the
 * database's metadata, so a new table is checked too.
 */
@WebServlet("/tables")
public class RawTablesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/SplitcastDS")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder tables = Json.createObjectBuilder();
        try (Connection c = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                JsonArrayBuilder rows = Json.createArrayBuilder();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select * from \"" + name + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        JsonObjectBuilder row = Json.createObjectBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                            Object value = rs.getObject(i);
                            if (value == null) {
                                row.addNull(column);
                            } else if (value instanceof byte[] bytes) {
                                row.add(
                                        column,
                                        Json.createObjectBuilder()
                                                .add(
                                                        "bytes",
                                                        Base64.getEncoder().encodeToString(bytes)));
                            } else {
                                row.add(column, value.toString());
                            }
                        }
                        rows.add(row);
                    }
                }
                tables.add(name.toLowerCase(Locale.ROOT), rows);
            }
        } catch (SQLException e) {
            response.sendError(500, e.getMessage());
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write(tables.build().toString());
    }
}
