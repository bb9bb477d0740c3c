using System.Collections;
using System.Collections.Immutable;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>
/// A <see cref="FunctionContext"/> built from Moq and a dictionary of features, enough for the worker's own
/// extension methods (<c>GetHttpRequestDataAsync</c>, <c>GetInvocationResult</c>, <c>GetOutputBindings</c>,
/// <c>GetHttpResponseData</c>) to run unchanged against it.
/// </summary>
internal sealed class FakeInvocation
{
    // Internal to the worker; its assembly lets Moq's proxies (DynamicProxyGenAssembly2) implement it.
    private const string BindingsFeatureTypeName = "Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature";

    private readonly object _bindings;

    // Where the ASP.NET Core integration keeps the invocation's HttpContext (read by its GetHttpContext()).
    private const string HttpContextKey = "HttpRequestContext";

    private FakeInvocation(HttpRequestData? request, IReadOnlyDictionary<string, string> outputBindings, HttpContext? httpContext = null)
    {
        var context = new Mock<FunctionContext>();
        var items = new Dictionary<object, object>();
        if (httpContext is not null)
        {
            items[HttpContextKey] = httpContext;
        }

        context.Setup(c => c.Items).Returns(items);
        var features = new DictionaryInvocationFeatures();
        var requestFeature = new Mock<IHttpRequestDataFeature>();
        requestFeature.Setup(f => f.GetHttpRequestDataAsync(It.IsAny<FunctionContext>())).ReturnsAsync(request).Callback(() => RequestDataReads++);
        features.Set(requestFeature.Object);

        _bindings = CreateBindingsFeature(OutputBindingData);
        features.Set(_bindings.GetType().GetInterfaces().Single(i => i.FullName == BindingsFeatureTypeName), _bindings);

        var definition = new Mock<FunctionDefinition>();
        var (triggerName, triggerType) = request is null ? ("message", "queueTrigger") : ("req", "httpTrigger");
        definition.Setup(d => d.InputBindings).Returns(
            ImmutableDictionary<string, BindingMetadata>.Empty.Add(triggerName, Binding(triggerName, triggerType, BindingDirection.In)));
        definition.Setup(d => d.OutputBindings).Returns(outputBindings.ToImmutableDictionary(
            b => b.Key, b => Binding(b.Key, b.Value, BindingDirection.Out)));
        context.Setup(c => c.Features).Returns(features);
        context.Setup(c => c.FunctionDefinition).Returns(definition.Object);
        Context = context.Object;
    }

    public FunctionContext Context { get; }

    /// <summary>How often the request was read (<c>GetHttpRequestDataAsync</c>), which binds it in the real worker.</summary>
    public int RequestDataReads { get; private set; }

    /// <summary>The values of the output bindings, by name (as the worker sends them to the host).</summary>
    public Dictionary<string, object?> OutputBindingData { get; } = [];

    /// <summary>The invocation result (the function's return value, or what a middleware put there).</summary>
    public object? InvocationResult => _bindings.GetType().GetProperty("InvocationResult")!.GetValue(_bindings);

    /// <summary>An HTTP invocation whose response is the function's return value.</summary>
    public static FakeInvocation Http(HttpRequestData request) =>
        new(request, new Dictionary<string, string> { ["$return"] = "http" });

    /// <summary>An HTTP invocation of a function with several outputs: its HTTP response is a named output binding.</summary>
    public static FakeInvocation HttpWithSeveralOutputs(HttpRequestData request, string httpBindingName) =>
        new(request, new Dictionary<string, string> { [httpBindingName] = "http", ["Message"] = "queue" });

    /// <summary>
    /// An HTTP invocation in the ASP.NET Core integration model: the worker's proxying middleware has put
    /// <paramref name="httpContext"/> into the context; <paramref name="request"/> is what <c>GetHttpRequestDataAsync</c> answers.
    /// </summary>
    public static FakeInvocation AspNetCore(HttpContext httpContext, HttpRequestData request) =>
        new(request, new Dictionary<string, string> { ["$return"] = "http" }, httpContext);

    /// <summary>An invocation of a non-HTTP trigger.</summary>
    public static FakeInvocation NotHttp() => new(null, new Dictionary<string, string> { ["$return"] = "queue" });

    /// <summary>What a function does when it returns <paramref name="response"/>.</summary>
    public void Return(HttpResponseData response) =>
        _bindings.GetType().GetProperty("InvocationResult")!.SetValue(_bindings, response);

    private static BindingMetadata Binding(string name, string type, BindingDirection direction)
    {
        var binding = new Mock<BindingMetadata>();
        binding.Setup(b => b.Name).Returns(name);
        binding.Setup(b => b.Type).Returns(type);
        binding.Setup(b => b.Direction).Returns(direction);
        return binding.Object;
    }

    private static object CreateBindingsFeature(IDictionary<string, object?> outputBindingData)
    {
        var featureType = typeof(FunctionContext).Assembly.GetType(BindingsFeatureTypeName, throwOnError: true)!;
        var mock = (Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(featureType))!;
        mock.GetType().GetMethod(nameof(Mock<object>.SetupAllProperties))!.Invoke(mock, null);

        // OutputBindingData is get-only: set it up with an expression built for the internal type.
        var feature = Expression.Parameter(featureType);
        var getter = Expression.Lambda(Expression.Property(feature, nameof(OutputBindingData)) /* same name as the worker property */, feature);
        var setupGet = mock.GetType().GetMethods()
            .Single(m => m.Name == nameof(Mock<object>.SetupGet) && m.IsGenericMethodDefinition)
            .MakeGenericMethod(typeof(IDictionary<string, object?>));
        var setup = setupGet.Invoke(mock, [getter])!;
        setup.GetType().GetMethod("Returns", [typeof(IDictionary<string, object?>)])!.Invoke(setup, [outputBindingData]);
        return mock.Object;
    }

    private sealed class DictionaryInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public void Set<T>(T instance) => _features[typeof(T)] = instance!;

        public void Set(Type type, object instance) => _features[type] = instance;

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
