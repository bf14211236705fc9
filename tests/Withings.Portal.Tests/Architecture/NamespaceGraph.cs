using Mono.Cecil;

namespace Withings.Portal.Tests.Architecture;

/// <summary>
/// Which namespace of one assembly uses which, read from its IL: base types, interfaces, fields, properties, method
/// signatures, local variables, attributes and every type, method or field a method body touches. Compiler-generated
/// nested types (lambdas, iterators, Razor render trees) count for the type that declares them. Registration classes in
/// <c>Microsoft.Extensions.DependencyInjection</c> are the composition root and are left out.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> edges = new(StringComparer.Ordinal);

    public static NamespaceGraph Read(string assemblyPath)
    {
        var graph = new NamespaceGraph();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var own = module.Assembly.Name.Name;
        foreach (var type in module.GetTypes())
        {
            var from = OuterNamespace(type);
            if (!IsFeature(from, own))
            {
                continue;
            }
            foreach (var used in UsedTypes(type))
            {
                if (used.Scope is AssemblyNameReference || used.Module != module)
                {
                    continue;
                }
                var to = OuterNamespace(used.Resolve() ?? (TypeDefinition?)null, used);
                if (to != from && IsFeature(to, own))
                {
                    graph.Add(from, to, $"{type.FullName} → {used.FullName}");
                }
            }
        }
        return graph;
    }

    private void Add(string from, string to, string example)
    {
        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        targets.TryAdd(to, example);
    }

    /// <summary>Groups of namespaces that reach each other (strongly connected components of more than one).</summary>
    public List<List<string>> Loops()
    {
        var index = 0;
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var loops = new List<List<string>>();
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();

        void Visit(string node)
        {
            indexes[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!indexes.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }
            if (lowLinks[node] == indexes[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    loops.Add(component);
                }
            }
        }

        foreach (var node in nodes.Where(n => !indexes.ContainsKey(n)))
        {
            Visit(node);
        }
        return loops;
    }

    public string Describe(List<string> loop)
    {
        var members = loop.ToHashSet(StringComparer.Ordinal);
        var lines = loop.SelectMany(from => (edges.GetValueOrDefault(from) ?? [])
            .Where(e => members.Contains(e.Key))
            .Select(e => $"  {from} → {e.Key}   (e.g. {e.Value})"));
        return $"These namespaces depend on each other:\n{string.Join('\n', lines)}";
    }

    private static bool IsFeature(string? ns, string assembly) =>
        ns is not null && ns.StartsWith(assembly, StringComparison.Ordinal) && ns != "Microsoft.Extensions.DependencyInjection";

    private static string OuterNamespace(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.Namespace;
    }

    private static string OuterNamespace(TypeDefinition? definition, TypeReference reference)
    {
        if (definition is not null)
        {
            return OuterNamespace(definition);
        }
        while (reference.DeclaringType is not null)
        {
            reference = reference.DeclaringType;
        }
        return reference.Namespace;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Take(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Take(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Take(argument);
                    }
                    return;
                case TypeSpecification spec:
                    Take(spec.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void Attributes(ICustomAttributeProvider provider)
        {
            if (!provider.HasCustomAttributes)
            {
                return;
            }
            foreach (var attribute in provider.CustomAttributes)
            {
                Take(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    Take(argument.Value as TypeReference);
                }
            }
        }

        Take(type.BaseType);
        Attributes(type);
        foreach (var implemented in type.Interfaces)
        {
            Take(implemented.InterfaceType);
        }
        foreach (var field in type.Fields)
        {
            Take(field.FieldType);
            Attributes(field);
        }
        foreach (var property in type.Properties)
        {
            Take(property.PropertyType);
            Attributes(property);
        }
        foreach (var method in type.Methods)
        {
            Take(method.ReturnType);
            Attributes(method);
            foreach (var parameter in method.Parameters)
            {
                Take(parameter.ParameterType);
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var variable in method.Body.Variables)
            {
                Take(variable.VariableType);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Take(t);
                        break;
                    case MethodReference m:
                        Take(m.DeclaringType);
                        Take(m.ReturnType);
                        if (m is GenericInstanceMethod gm)
                        {
                            foreach (var argument in gm.GenericArguments)
                            {
                                Take(argument);
                            }
                        }
                        break;
                    case FieldReference f:
                        Take(f.DeclaringType);
                        Take(f.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
