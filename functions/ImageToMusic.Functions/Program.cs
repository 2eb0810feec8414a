using ImageToMusic.Functions;

var app = FunctionApp.Build(args);
app.Run();
