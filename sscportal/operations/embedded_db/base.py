"""PostgreSQL's own backend, pointed at the embedded server when it first connects."""

from django.db.backends.postgresql import base, client

from . import start_server


class DatabaseClient(client.DatabaseClient):
    def runshell(self, parameters):
        # dbshell reads HOST and PORT without connecting first.
        self.connection.locate_server()
        super().runshell(parameters)


class DatabaseWrapper(base.DatabaseWrapper):
    client_class = DatabaseClient

    def locate_server(self):
        """Start the embedded server unless it runs, and write where it listens into the settings."""
        self.settings_dict.update(start_server(self.settings_dict["DATA_DIR"]))

    def get_connection_params(self):
        self.locate_server()
        return super().get_connection_params()
